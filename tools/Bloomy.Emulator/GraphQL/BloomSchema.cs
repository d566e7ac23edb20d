using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Bloomy.Emulator.GraphQL;

/// <summary>The root <c>Query</c> type; resources add their fields in their Register method.</summary>
public sealed class BloomQuery : ObjectGraphType
{
    internal BloomQuery(SchemaExtensions extensions)
    {
        Name = "Query";
        Extensions = extensions;
    }

    /// <summary>Fields other resources add to shared object types (meeting.todos, user.goals...).</summary>
    public SchemaExtensions Extensions { get; }
}

/// <summary>The root <c>Mutation</c> type.</summary>
public sealed class BloomMutation : ObjectGraphType
{
    internal BloomMutation() => Name = "Mutation";
}

/// <summary>
/// Fields added to shared object types by other resources, e.g.
/// <c>q.Extensions.Meeting(t => Connections.Field(t, "todos", ...))</c>; applied when the type is built.
/// </summary>
public sealed class SchemaExtensions
{
    private readonly Dictionary<Type, List<Action<IComplexGraphType>>> _byType = new();

    /// <summary>Adds fields to the object type <typeparamref name="TType"/> when the schema builds it.</summary>
    public void Extend<TType>(Action<TType> addFields) where TType : IComplexGraphType
    {
        if (!_byType.TryGetValue(typeof(TType), out var list)) _byType[typeof(TType)] = list = new();
        list.Add(t => addFields((TType)t));
    }

    /// <summary>Shortcut for <see cref="Extend{TType}"/> on the meeting type.</summary>
    public void Meeting(Action<Types.MeetingType> addFields) => Extend(addFields);

    /// <summary>Shortcut for <see cref="Extend{TType}"/> on the user type.</summary>
    public void User(Action<Types.UserType> addFields) => Extend(addFields);

    /// <summary>Called by a shared type's constructor, last.</summary>
    internal void Apply(IComplexGraphType type)
    {
        if (_byType.TryGetValue(type.GetType(), out var list))
            foreach (var a in list) a(type);
    }
}

/// <summary>
/// Builds the schema from per-resource registrations. To add a resource: one line in <see cref="RegisterAll"/>
/// calling its <c>Resources/&lt;R&gt;GraphQL.Register(q, m)</c>.
/// </summary>
internal static class BloomSchema
{
    private static readonly Lazy<ISchema> Current = new(() => Build(legacyUserIdScalar: false));
    private static readonly Lazy<ISchema> Legacy = new(() => Build(legacyUserIdScalar: true));

    internal static ISchema For(GraphQLSettings settings) => settings.LegacyUserIdScalar ? Legacy.Value : Current.Value;

    private static void RegisterAll(BloomQuery q, BloomMutation m, bool legacyUserIdScalar)
    {
        Resources.SharedGraphQL.Register(q, m, legacyUserIdScalar);
        Resources.UsersGraphQL.Register(q, m);
        Resources.MeetingsGraphQL.Register(q, m);
        Resources.IssuesGraphQL.Register(q, m);
        Resources.TodosGraphQL.Register(q, m);
        Resources.HeadlinesGraphQL.Register(q, m);
        Resources.MetricsGraphQL.Register(q, m);
        Resources.GoalsGraphQL.Register(q, m);
        Resources.MilestonesGraphQL.Register(q, m);
    }

    private static ISchema Build(bool legacyUserIdScalar)
    {
        var ext = new SchemaExtensions();
        var services = new TypeProvider(ext);
        var q = new BloomQuery(ext);
        var m = new BloomMutation();
        RegisterAll(q, m, legacyUserIdScalar);
        PermissionCheck.Wrap(q);
        PermissionCheck.Wrap(m);
        // Names exactly as declared (mutations are PascalCase, §4.1): no camel-casing.
        var schema = new Schema(services) { Query = q, Mutation = m, NameConverter = global::GraphQL.Conversion.DefaultNameConverter.Instance };
        schema.Initialize();
        return schema;
    }

    /// <summary>Creates graph types, handing <see cref="SchemaExtensions"/> to the constructors that take it.</summary>
    private sealed class TypeProvider(SchemaExtensions ext) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            if (serviceType == typeof(SchemaExtensions)) return ext;
            if (typeof(IGraphType).IsAssignableFrom(serviceType) && !serviceType.IsAbstract)
                return ActivatorUtilities.CreateInstance(this, serviceType);
            return null;
        }
    }
}

/// <summary>What a resolver knows about the request: the emulator and the authenticated caller.</summary>
public sealed class BloomContext : Dictionary<string, object?>
{
    public BloomContext(BloomEmulator emulator, long callerId)
    {
        Emulator = emulator;
        CallerId = callerId;
    }

    public BloomEmulator Emulator { get; }
    public EmulatorStore Store => Emulator.Store;
    public long CallerId { get; }
    public GraphQLSettings Settings => Emulator.GraphQLSettings;
}

/// <summary>Resolver helpers.</summary>
public static class ResolveContextExtensions
{
    /// <summary>The request's <see cref="BloomContext"/>.</summary>
    public static BloomContext Bloom(this IResolveFieldContext context) => (BloomContext)context.UserContext;

    /// <summary>Seconds since the unix epoch (UTC) of a stored time, null for null.</summary>
    public static double? Unix(DateTime? utc) => utc is { } t ? Unix(t) : null;

    /// <summary>Whole seconds since the unix epoch (UTC) of a stored time.</summary>
    public static double Unix(DateTime utc) =>
        Math.Floor((DateTime.SpecifyKind(utc, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds);

    /// <summary>A decimal as the server writes it: invariant, five decimals ("42.00000"); null for null.</summary>
    public static string? Decimal(decimal? value) =>
        value?.ToString("0.00000", System.Globalization.CultureInfo.InvariantCulture);
}
