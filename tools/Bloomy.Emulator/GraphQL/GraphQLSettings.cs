using System.Text.Json;

namespace Bloomy.Emulator;

/// <summary>Settings of the /graphql/ endpoint (PUT /_emulator/graphql; reset restores the options' values).</summary>
public sealed class GraphQLSettings
{
    /// <summary>The media type of HotChocolate's newer servers, for <see cref="MediaType"/>.</summary>
    public const string GraphQLResponseMediaType = "application/graphql-response+json; charset=utf-8";

    private readonly EmulatorOptions _options;

    internal GraphQLSettings(EmulatorOptions options)
    {
        _options = options;
        Reset();
    }

    /// <summary>Page size of a connection when neither <c>first</c> nor <c>last</c> is given (HotChocolate: 10).</summary>
    public int DefaultPageSize { get; set; }
    /// <summary><c>first</c>/<c>last</c> above this → "maximum allowed items per page" execution error (HotChocolate: 50).</summary>
    public int MaxPageSize { get; set; }
    /// <summary>Every connection answers one page with everything (what the SDK assumes).</summary>
    public bool Unbounded { get; set; }
    /// <summary>The 2025 schema: <c>getAuthenticatedUserId</c> is a scalar <c>Long</c> instead of <c>{ id }</c>.</summary>
    public bool LegacyUserIdScalar { get; set; }
    /// <summary><c>CreateNote</c> answers <c>{success:false}</c>.</summary>
    public bool CreateNoteFails { get; set; }
    /// <summary>EditGoal {archived: true} returns the id without archiving (the live quirk of §13.5).</summary>
    public bool GoalArchiveDoesNotStick { get; set; }
    /// <summary>CreateGoal answers <c>{"id": 0}</c> without creating anything (§17.4).</summary>
    public bool CreateGoalRejected { get; set; }
    /// <summary>
    /// Root fields (exact names, e.g. <c>EditTodo</c>, <c>todo</c>) the caller is not allowed to use, answered as the
    /// server answers a permission failure (§3): <c>success:false</c> with a <c>FORBIDDEN</c> detail for the F-response
    /// mutations, a top-level <c>PermissionsException</c> error (the field null) for every other root field.
    /// </summary>
    public IReadOnlySet<string> Forbidden { get; set; } = new HashSet<string>(StringComparer.Ordinal);
    /// <summary>Content-Type of every /graphql/ answer (default application/json; charset=utf-8).</summary>
    public string MediaType { get; set; } = ApiResult.JsonType;

    /// <summary>Back to the values of <see cref="EmulatorOptions"/>.</summary>
    public void Reset()
    {
        DefaultPageSize = _options.GraphQLDefaultPageSize;
        MaxPageSize = _options.GraphQLMaxPageSize;
        Unbounded = _options.GraphQLUnbounded;
        LegacyUserIdScalar = _options.GraphQLLegacyUserIdScalar;
        CreateNoteFails = false;
        GoalArchiveDoesNotStick = false;
        CreateGoalRejected = false;
        Forbidden = new HashSet<string>(StringComparer.Ordinal);
        MediaType = ApiResult.JsonType;
    }

    /// <summary>Applies the keys present in a PUT /_emulator/graphql body; returns an error text or null.</summary>
    internal string? ApplyJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return "A JSON object is required.";
        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name.ToLowerInvariant())
            {
                case "defaultpagesize" when p.Value.TryGetInt32(out var d) && d > 0: DefaultPageSize = d; break;
                case "maxpagesize" when p.Value.TryGetInt32(out var m) && m > 0: MaxPageSize = m; break;
                case "unbounded" when p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False: Unbounded = p.Value.GetBoolean(); break;
                case "legacyuseridscalar" when p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False: LegacyUserIdScalar = p.Value.GetBoolean(); break;
                case "createnotefails" when p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False: CreateNoteFails = p.Value.GetBoolean(); break;
                case "goalarchivedoesnotstick" when p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False: GoalArchiveDoesNotStick = p.Value.GetBoolean(); break;
                case "creategoalrejected" when p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False: CreateGoalRejected = p.Value.GetBoolean(); break;
                case "forbidden" when p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                    Forbidden = new HashSet<string>(p.Value.EnumerateArray().Select(e => e.GetString()!), StringComparer.Ordinal);
                    break;
                case "mediatype" when p.Value.ValueKind == JsonValueKind.String:
                    var v = p.Value.GetString()!;
                    MediaType = v.Equals("graphql-response", StringComparison.OrdinalIgnoreCase) ? GraphQLResponseMediaType
                        : v.Equals("json", StringComparison.OrdinalIgnoreCase) ? ApiResult.JsonType : v;
                    break;
                default: return $"Unknown or invalid setting '{p.Name}'.";
            }
        }
        return null;
    }

    internal object Describe() => new
    {
        DefaultPageSize, MaxPageSize, Unbounded, LegacyUserIdScalar, CreateNoteFails, MediaType,
        GoalArchiveDoesNotStick, CreateGoalRejected, Forbidden = Forbidden.Order(StringComparer.Ordinal).ToArray(),
    };
}
