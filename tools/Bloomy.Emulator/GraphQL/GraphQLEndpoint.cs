using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
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
    // Resolvers read and change the store: they run under its lock, one request at a time. Parsing, validation and
    // serialisation run outside it, so concurrent requests overlap as they would on a real server.
    private static readonly GraphQLDocumentBuilder Builder = new();

    // Clients send the same few documents again and again: parse each text once (as GraphQL.NET's document cache
    // does), for execution and for the request log. Bounded, so odd clients cannot grow it without end.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, GraphQLDocument> Parsed = new(StringComparer.Ordinal);
    private const int MaxParsed = 500;

    // Documents that passed validation once are valid for this schema whatever their variables (the variables are
    // still coerced and checked every time), so the rules are not run again: as GraphQL.NET's own document cache does.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Validated = new(StringComparer.Ordinal);
    private static readonly IValidationRule[] NoRules = [];

    private static readonly DocumentExecuter Executer = new(
        Builder,
        new DocumentValidator(),
        new DefaultExecutionStrategySelector(
        [
            new ExecutionStrategyRegistration(new StoreLockedQueryStrategy(), OperationType.Query),
            new ExecutionStrategyRegistration(new StoreLockedMutationStrategy(), OperationType.Mutation),
        ]),
        []);
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

            // Valid for one schema is not valid for the other (the legacy scalar getAuthenticatedUserId).
            string validationKey = (settings.LegacyUserIdScalar ? "legacy:" : "current:") + query;
            var result = Executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = BloomSchema.For(settings),
                Query = query,
                Document = Parse(query),
                Variables = variables,
                UserContext = new BloomContext(r.Emulator, r.CallerId),
                ValidationRules = Validated.ContainsKey(validationKey) ? NoRules : Rules,
                CancellationToken = r.Http.RequestAborted,
            }).GetAwaiter().GetResult();

            if (result.Executed && Validated.Count < MaxParsed) Validated.TryAdd(validationKey, true);
            ApiResult answer;
            if (result.Errors?.Any(e => e is NoIntrospectionError) == true)
                answer = new ApiResult(400, IntrospectionRefused, mediaType);
            else
                answer = new ApiResult(result.Executed ? 200 : 400, Encoding.UTF8.GetBytes(Serializer.Serialize(result)), mediaType);
            return Record(r, query, variablesText, answer);
        }
    }

    // Null for a document that does not parse: the executer then reports the syntax error itself.
    private static GraphQLDocument? Parse(string query)
    {
        if (Parsed.TryGetValue(query, out var cached)) return cached;
        GraphQLDocument document;
        try { document = Builder.Build(query); }
        catch (Exception e) when (e is GraphQLParser.Exceptions.GraphQLParserException or DocumentError) { return null; }
        if (Parsed.Count < MaxParsed) Parsed.TryAdd(query, document);
        return document;
    }

    private static ApiResult Errors(int status, string message, string mediaType) =>
        new(status, Json.Bytes(new { errors = new[] { new { message } } }), mediaType);

    private static ApiResult Record(ApiRequest r, string query, string variables, ApiResult answer)
    {
        string operation = "";
        var roots = new List<string>();
        if (Parse(query) is { } document)
        {
            if (document.Definitions.OfType<GraphQLOperationDefinition>().FirstOrDefault() is { } op)
            {
                operation = op.Operation.ToString().ToLowerInvariant();
                roots.AddRange(op.SelectionSet.Selections.OfType<GraphQLField>().Select(f => f.Name.StringValue));
            }
        }
        r.Emulator.GraphQLStats.Record(new GraphQLRequestRecord
        {
            Query = query, Variables = variables, Operation = operation, RootFields = roots, StatusCode = answer.Status,
        });
        return answer;
    }
}
