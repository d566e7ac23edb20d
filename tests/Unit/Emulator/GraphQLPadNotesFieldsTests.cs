using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Bloomy.Emulator;
using Bloomy.Emulator.GraphQL;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.GraphQLEmulator;

/// <summary>
/// The notes helper other resources put on their types (§6.1, §17.5): notesText is the pad text only when
/// collaborationEnabled is selected in the same selection set (also through a fragment), else "". Runs the helper on
/// a stand-in schema, since the to-do, issue... types belong to other resources.
/// </summary>
public sealed class GraphQLPadNotesFieldsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private sealed class NotedType : ObjectGraphType<EmulatorTodo>
    {
        public NotedType()
        {
            Name = "Noted";
            Field<LongGraphType>("id").Resolve(c => c.Source.Id);
            PadNotesFields.Add(this, t => t.NotesId, t => t.CollaborationEnabled, t => t.LocalHtml);
        }
    }

    private async Task<string> Run(string query, EmulatorTodo item)
    {
        var q = new ObjectGraphType { Name = "Query" };
        q.Field<NotedType>("item").Resolve(_ => item);
        q.Field<ListGraphType<NotedType>>("items").Resolve(_ => new[] { item });
        q.Field<NotedType>("broken").Resolve(_ => throw BloomErrors.Unexpected("A score for this measurable and date already exists."));
        var schema = new Schema { Query = q };
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = schema, Query = query, UserContext = new BloomContext(fixture.Emulator, 1001),
        });
        return new GraphQLSerializer().Serialize(result);
    }

    [Fact]
    public async Task NotesText_is_the_pad_text_only_beside_collaborationEnabled()
    {
        var pad = fixture.Emulator.Pads.Create("one<br>two &amp; three");
        var todo = new EmulatorTodo { Id = 5, NotesId = pad, CollaborationEnabled = true };

        Assert.Equal("{\"data\":{\"item\":{\"notesText\":\"\"}}}", await Run("{ item { notesText } }", todo));
        Assert.Equal("{\"data\":{\"item\":{\"notesId\":\"" + pad + "\",\"notesText\":\"one\\ntwo \\u0026 three\\n\",\"localHtml\":null,\"collaborationEnabled\":true}}}",
            await Run("{ item { notesId notesText localHtml collaborationEnabled } }", todo));
        Assert.Contains("\"notesText\":\"one\\ntwo", await Run("{ items { ...N collaborationEnabled } } fragment N on Noted { notesText }", todo));
    }

    [Fact]
    public async Task An_item_without_a_pad_has_empty_notesText_and_keeps_its_localHtml()
    {
        var todo = new EmulatorTodo { Id = 6, LocalHtml = "<p>a &amp; b</p>" };

        Assert.Equal("{\"data\":{\"item\":{\"notesId\":null,\"notesText\":\"\",\"localHtml\":\"\\u003Cp\\u003Ea \\u0026amp; b\\u003C/p\\u003E\",\"collaborationEnabled\":false}}}",
            await Run("{ item { notesId notesText localHtml collaborationEnabled } }", todo));
    }

    [Fact]
    public async Task BloomErrors_Unexpected_has_the_servers_generic_message_and_the_reason_in_extensions_message()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await Run("{ broken { id } }", new EmulatorTodo()))!;

        Assert.Equal("Unexpected Execution Error", json["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("A score for this measurable and date already exists.", json["errors"]![0]!["extensions"]!["message"]!.GetValue<string>());
        Assert.Null(json["data"]!["broken"]);
    }
}
