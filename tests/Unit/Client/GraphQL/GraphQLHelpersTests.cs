using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client;
using Bloomy.Client.GraphQL;
using Bloomy.Tests.Client.Core;

namespace Bloomy.Tests.Client.GraphQL;

public class GraphQLHelpersTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static void InCultures(Action check)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            foreach (var name in new[] { "th-TH", "de-DE", "fr-FR", "en-US" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
                check();
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void UnixSecondsRoundTripInstantsAndDates() => InCultures(() =>
    {
        Assert.Equal(1767225600d, UnixTime.ToUnixSeconds(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1767225600d, UnixTime.ToUnixSeconds(new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.FromHours(2))));
        Assert.Equal(1767225600.5d, UnixTime.ToUnixSeconds(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 500, TimeSpan.Zero)));
        // A date without a time is 00:00 UTC of that date, whatever the DateTime's Kind or the machine's zone.
        Assert.Equal(1767225600d, UnixTime.DateToUnixSeconds(new DateTime(2026, 1, 1, 23, 59, 0, DateTimeKind.Local)));
        Assert.Equal(1767225600d, UnixTime.FromUser(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local)));
        Assert.Equal(new DateTimeOffset(2026, 9, 24, 18, 13, 55, TimeSpan.Zero), UnixTime.FromUnixSeconds(1790273635));
        Assert.Equal(TimeSpan.Zero, UnixTime.FromUnixSeconds(1790273635.25).Offset);
        Assert.Equal(250, UnixTime.FromUnixSeconds(1790273635.25).Millisecond);
    });

    [Fact]
    public void TimestampFieldsReadNullAndFractions()
    {
        var o = Json("{\"a\":1790273635,\"b\":null,\"c\":1790273635.9}");
        Assert.Equal(UnixTime.FromUnixSeconds(1790273635), UnixTime.Read(o, "a"));
        Assert.Null(UnixTime.Read(o, "b"));
        Assert.Null(UnixTime.Read(o, "missing"));
        Assert.Equal(900, UnixTime.Read(o, "c")!.Value.Millisecond);
        Assert.Throws<FormatException>(() => UnixTime.Read(Json("{\"a\":\"yesterday\"}"), "a"));
    }

    [Fact]
    public void DecimalsAreInvariantStringsBothWays() => InCultures(() =>
    {
        Assert.Equal("12.5", GraphQLDecimal.Format(12.5m));
        Assert.Equal("-1234567.891", GraphQLDecimal.Format(-1234567.891m));
        Assert.Equal("100", GraphQLDecimal.Format(100m));
        Assert.Equal(100m, GraphQLDecimal.Parse("100.00000"));
        Assert.Equal(-0.5m, GraphQLDecimal.Parse("-0.5"));
        Assert.Null(GraphQLDecimal.Parse(""));
        Assert.Null(GraphQLDecimal.Parse("  "));
        Assert.Null(GraphQLDecimal.Parse(null));
        Assert.Throws<FormatException>(() => GraphQLDecimal.Parse("1,5"));
        Assert.Throws<FormatException>(() => GraphQLDecimal.Parse("1.000,5"));
        var o = Json("{\"a\":\"42.00000\",\"b\":\"\",\"c\":null,\"d\":7.25}");
        Assert.Equal(42m, GraphQLDecimal.Read(o, "a"));
        Assert.Null(GraphQLDecimal.Read(o, "b"));
        Assert.Null(GraphQLDecimal.Read(o, "c"));
        Assert.Equal(7.25m, GraphQLDecimal.Read(o, "d"));
        Assert.Null(GraphQLDecimal.Read(o, "missing"));
    });

    [Fact]
    public void PadHtmlEscapesAndBreaksLines()
    {
        Assert.Equal("line one<br>line two &amp; &lt;b&gt;", PadNotes.ToPadHtml("line one\nline two & <b>"));
        Assert.Equal("&quot;a&quot; &#x27;b&#x27;<br>c<br>d", PadNotes.ToPadHtml("\"a\" 'b'\r\nc\rd"));
        Assert.Equal(string.Empty, PadNotes.ToPadHtml(string.Empty));
    }

    [Fact]
    public void NotesTextComesFromThePadOrFromTheLegacyHtml()
    {
        Assert.Equal("some notes", PadNotes.ExtractText(Json("{\"notesId\":\"p\",\"notesText\":\"some notes\\n\",\"localHtml\":null,\"collaborationEnabled\":true}")));
        Assert.Equal("a\nb", PadNotes.ExtractText(Json("{\"notesText\":\"a\\nb\\n\\n\",\"collaborationEnabled\":true}")));
        Assert.Equal("a & b", PadNotes.ExtractText(Json("{\"notesText\":\"\",\"localHtml\":\"<p>a &amp; b</p>\",\"collaborationEnabled\":false}")));
        Assert.Equal("one\ntwo", PadNotes.ExtractText(Json("{\"localHtml\":\"one<br/>two\",\"collaborationEnabled\":false}")));
        Assert.Null(PadNotes.ExtractText(Json("{\"notesText\":\"\",\"localHtml\":null,\"collaborationEnabled\":true}")));
        Assert.Null(PadNotes.ExtractText(Json("{\"notesText\":\"ignored\",\"localHtml\":\"\"}")));
        Assert.Null(PadNotes.ExtractText(Json("null")));
        Assert.Equal("pad-1", PadNotes.PadId(Json("{\"notesId\":\"pad-1\"}")));
        Assert.Null(PadNotes.PadId(Json("{\"notesId\":\"0\"}")));
        Assert.Null(PadNotes.PadId(Json("{\"notesId\":null}")));
    }

    [Fact]
    public async Task NotesWriterCreatesAPadAndPointsTheInputAtIt()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Answer(GraphQLTest.Data("CreateNote", "{\"data\":\"pad-7\",\"success\":true,\"message\":null,\"errorDetails\":null}"));
        using var http = CoreTest.Http(handler, time);
        var input = new JsonObject { ["title"] = "t" };

        await NotesWriter.AttachAsync(http.GraphQL, input, "a & b\nc", CancellationToken.None);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"title\":\"t\",\"notesId\":\"pad-7\",\"collaborationEnabled\":true}"), input));
        var envelope = GraphQLTest.Envelope(Assert.Single(handler.Requests));
        Assert.Equal(GraphQLDocuments.CreateNote.Text, envelope["query"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"text\":\"a &amp; b<br>c\"}"), envelope["variables"]));
    }

    [Theory]
    [InlineData("{\"data\":{\"CreateNote\":{\"data\":null,\"success\":false,\"message\":\"pad service down\",\"errorDetails\":null}}}", "pad service down")]
    [InlineData("{\"data\":{\"CreateNote\":{\"data\":null,\"success\":true}}}", "no pad id")]
    [InlineData("{\"errors\":[{\"message\":\"boom\"}]}", "boom")]
    public async Task ACreateNoteFailureThrowsAndLeavesTheInputAlone(string body, string expected)
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Answer(body);
        using var http = CoreTest.Http(handler, time);
        var input = new JsonObject { ["title"] = "t" };

        var ex = await Assert.ThrowsAsync<BloomyGraphQLException>(() => NotesWriter.AttachAsync(http.GraphQL, input, "x", CancellationToken.None));

        Assert.Contains(expected, ex.Message);
        Assert.Equal(1, handler.Calls);
        Assert.False(input.ContainsKey("notesId"));
    }
}
