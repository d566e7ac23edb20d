using System.Net.Http;
using System.Text;
using Bloomy.Client;
using Bloomy.Client.Http;
using Bloomy.Tests.Client.Core;

namespace Bloomy.Tests.Client.Transport;

public class ResponseDeserializerTests
{
    private static readonly ResponseDeserializer Reader = new(
        new FailureMapper(new Uri("https://api.example.test/api/v1/"), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2), false, () => "sk-SECRET"));

    private static RequestState State() => new(HttpMethod.Get, "users/7", null, readBody: true, listener: null);

    private static AttemptResult Answer(string? body, string? mediaType = "application/json") =>
        new(200, "OK", null, body is null ? null : Encoding.UTF8.GetBytes(body)) { MediaType = mediaType };

    [Fact]
    public void JsonBecomesTheExpectedValue()
    {
        var item = Reader.Deserialize(State(), Answer("{\"Id\":7,\"Name\":\"Ada\"}"), CoreTestJsonContext.Default.TestItem);

        Assert.Equal(7, item.Id);
        Assert.Equal("Ada", item.Name);
    }

    [Theory]
    [InlineData(null, "empty body")]
    [InlineData("  \r\n", "empty body")]
    [InlineData("null", "JSON null")]
    [InlineData("<html>sign in</html>", "HTML page")]
    [InlineData("{\"Id\":", "not the expected JSON")]
    public void AnythingButTheExpectedJsonIsAnInvalidResponse(string? body, string said)
    {
        var ex = Assert.Throws<BloomyApiException>(() => Reader.Deserialize(State(), Answer(body), CoreTestJsonContext.Default.TestItem));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains(said, ex.Message);
    }

    [Fact]
    public void ACallExpectingNoAnswerRefusesAnHtmlPageButAcceptsEmptyOrJson()
    {
        Reader.EnsureNotHtml(State(), Answer(null, null));
        Reader.EnsureNotHtml(State(), Answer("true"));
        Reader.EnsureNotHtml(State(), Answer("{\"ok\":1}", "text/html"));

        Assert.Throws<BloomyApiException>(() => Reader.EnsureNotHtml(State(), Answer("<!DOCTYPE html>", null)));
        Assert.Throws<BloomyApiException>(() => Reader.EnsureNotHtml(State(), Answer("Welcome", "text/html; charset=utf-8")));
    }
}
