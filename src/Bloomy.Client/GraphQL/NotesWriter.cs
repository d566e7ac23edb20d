using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bloomy.Client.GraphQL;

// Writes notes the only way GraphQL allows (bloom-graphql.md §6.2): CreateNote makes a new pad from the text, then the
// entity's create or edit input points at it. A CreateNote failure throws before the entity mutation is sent.
internal static class NotesWriter
{
    // Creates the pad and returns its id.
    public static async Task<string> CreatePadAsync(GraphQLTransport transport, string text, CancellationToken ct)
    {
        if (transport is null) throw new ArgumentNullException(nameof(transport));
        if (text is null) throw new ArgumentNullException(nameof(text));
        var variables = new JsonObject { ["text"] = PadNotes.ToPadHtml(text) };
        var result = await transport.ExecuteAsync(GraphQLDocuments.CreateNote, variables, ct).ConfigureAwait(false);
        if (!result.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(data.GetString()))
        {
            throw new BloomyGraphQLException(BloomyFailureKind.InvalidResponse,
                "GraphQL CreateNote reported success but returned no pad id; the notes were not attached and nothing else was sent.",
                GraphQLDocuments.CreateNote.Name, 200);
        }
        return data.GetString()!;
    }

    // Creates the pad and adds notesId + collaborationEnabled to the entity's input (the create or edit input object).
    public static async Task AttachAsync(GraphQLTransport transport, JsonObject input, string text, CancellationToken ct)
    {
        if (input is null) throw new ArgumentNullException(nameof(input));
        var padId = await CreatePadAsync(transport, text, ct).ConfigureAwait(false);
        input["notesId"] = padId;
        input["collaborationEnabled"] = true;
    }
}
