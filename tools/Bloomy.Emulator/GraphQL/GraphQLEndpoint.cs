using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace Bloomy.Emulator.GraphQL;

/// <summary>
/// POST /graphql/ and /graphql (bloom-graphql §17.1). Runs inside <see cref="EmulatorPipeline"/>, so the REST token
/// check, latency and fault modes apply; other methods get 405 there.
/// </summary>
internal static class GraphQLEndpoint
{
    internal const string Template = "graphql";

    private static readonly GraphQLSerializer Serializer = new();
    private static readonly DocumentExecuter Executer = new();
    private static readonly IValidationRule[] Rules = [.. DocumentValidator.CoreRules, NoIntrospectionValidationRule.Instance];

    private static readonly byte[] IntrospectionRefused = Encoding.UTF8.GetBytes(
        "{\"errors\":[{\"message\":\"Introspection is not allowed for the current request.\",\"extensions\":{\"code\":\"HC0046\",\"field\":\"__schema\"}}]}");

    internal static void Map(EndpointRegistry.RouteRegistrar r) => r.GraphQL("POST", Template, Handle);

    private static ApiResult Handle(ApiRequest r)
    {
        var settings = r.Emulator.GraphQLSettings;
        string mediaType = settings.MediaType;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(r.BodyText.Length == 0 ? " " : r.BodyText); }
        catch (JsonException) { return Errors(400, "The request body is not valid JSON.", mediaType); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("query", out var q) || q.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(q.GetString()))
                return Errors(400, "The request has no GraphQL document ('query').", mediaType);
            string query = q.GetString()!;
            Inputs? variables = null;
            string variablesText = "null";
            if (root.TryGetProperty("variables", out var v) && v.ValueKind != JsonValueKind.Null)
            {
                variablesText = v.GetRawText();
                if (v.ValueKind != JsonValueKind.Object) return Record(r, query, variablesText, Errors(400, "'variables' must be a JSON object.", mediaType));
                variables = Serializer.ReadNode<Inputs>(v);
            }

            var result = Executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = BloomSchema.For(settings),
                Query = query,
                Variables = variables,
                UserContext = new BloomContext(r.Emulator, r.CallerId),
                ValidationRules = Rules,
                CancellationToken = r.Http.RequestAborted,
            }).GetAwaiter().GetResult();

            ApiResult answer;
            if (result.Errors?.Any(e => e is NoIntrospectionError) == true)
                answer = new ApiResult(400, IntrospectionRefused, mediaType);
            else
                answer = new ApiResult(result.Executed ? 200 : 400, Encoding.UTF8.GetBytes(Serializer.Serialize(result)), mediaType);
            return Record(r, query, variablesText, answer);
        }
    }

    private static ApiResult Errors(int status, string message, string mediaType) =>
        new(status, Json.Bytes(new { errors = new[] { new { message } } }), mediaType);

    private static ApiResult Record(ApiRequest r, string query, string variables, ApiResult answer)
    {
        string operation = "";
        var roots = new List<string>();
        try
        {
            var document = GraphQLParser.Parser.Parse(query);
            if (document.Definitions.OfType<GraphQLOperationDefinition>().FirstOrDefault() is { } op)
            {
                operation = op.Operation.ToString().ToLowerInvariant();
                roots.AddRange(op.SelectionSet.Selections.OfType<GraphQLField>().Select(f => f.Name.StringValue));
            }
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException) { }
        r.Emulator.GraphQLStats.Record(new GraphQLRequestRecord
        {
            Query = query, Variables = variables, Operation = operation, RootFields = roots, StatusCode = answer.Status,
        });
        return answer;
    }
}
