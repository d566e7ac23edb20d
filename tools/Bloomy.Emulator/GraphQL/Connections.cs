using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL;

/// <summary>One page of a connection, as the connection type resolves it.</summary>
public sealed record ConnectionPage(IReadOnlyList<object> Nodes, IReadOnlyList<ConnectionEdge> Edges, PageInfo PageInfo, int TotalCount);

/// <summary>An edge: the node and its opaque cursor.</summary>
public sealed record ConnectionEdge(string Cursor, object Node);

/// <summary>HotChocolate's <c>PageInfo</c>.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>
/// HotChocolate cursor connections (bloom-graphql §4.5, §4.8, §17.3): <c>first/after/last/before</c>, optional
/// <c>where</c>/<c>order</c>, applied as the server does: filter, then sort, then slice.
/// </summary>
public static class Connections
{
    /// <summary>HotChocolate's text for first/last above the maximum (clients look for "maximum allowed items per page").</summary>
    public const string MaxPageSizeMessage = "The maximum allowed items per page were exceeded.";

    /// <summary>
    /// Adds connection field <paramref name="name"/> of <typeparamref name="TNodeType"/> nodes to <paramref name="parent"/>.
    /// <paramref name="items"/> returns the unfiltered items, or null for "no parent" (the field resolves to null).
    /// <paramref name="where"/>: a <see cref="FilterInputType{TSelf,TItem}"/> type; <paramref name="order"/>: a
    /// <see cref="SortInputType{TSelf,TItem}"/> type; <paramref name="defaultPageSize"/> overrides the setting
    /// (meeting.attendees: 2000).
    /// </summary>
    public static FieldType Field<TNodeType, TItem>(IComplexGraphType parent, string name,
        Func<IResolveFieldContext, IEnumerable<TItem>?> items, Type? where = null, Type? order = null, int? defaultPageSize = null)
        where TNodeType : IGraphType
        where TItem : notnull
    {
        var filter = where is null ? null : (IItemFilter<TItem>)Activator.CreateInstance(where)!;
        var sort = order is null ? null : (IItemSort<TItem>)Activator.CreateInstance(order)!;
        var args = new QueryArguments(
            new QueryArgument<IntGraphType> { Name = "first" },
            new QueryArgument<StringGraphType> { Name = "after" },
            new QueryArgument<IntGraphType> { Name = "last" },
            new QueryArgument<StringGraphType> { Name = "before" });
        if (where is not null) args.Add(new QueryArgument(where) { Name = "where" });
        if (order is not null)
            args.Add(new QueryArgument(typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(order))) { Name = "order" });
        var field = new FieldType
        {
            Name = name,
            Type = typeof(ConnectionType<TNodeType>),
            Arguments = args,
            Resolver = new FuncFieldResolver<object?>(ctx => items(ctx) is { } all ? Page(ctx, all, filter, sort, defaultPageSize) : null),
        };
        parent.AddField(field);
        return field;
    }

    /// <summary>Filters, sorts and slices <paramref name="items"/> by the field's arguments.</summary>
    public static ConnectionPage Page<TItem>(IResolveFieldContext ctx, IEnumerable<TItem> items,
        IItemFilter<TItem>? filter = null, IItemSort<TItem>? sort = null, int? defaultPageSize = null)
        where TItem : notnull
    {
        var settings = ctx.Bloom().Settings;
        IEnumerable<TItem> q = items;
        if (filter is not null && Arg(ctx, "where") is IDictionary<string, object?> w) q = q.Where(i => filter.Matches(i, w));
        if (sort is not null && Arg(ctx, "order") is IEnumerable<object?> o) q = sort.Sort(q, o);
        var list = q.ToList();

        int? first = Arg(ctx, "first") as int?, last = Arg(ctx, "last") as int?;
        if (first < 0 || last < 0) throw new ExecutionError("first and last must be zero or positive.");
        if (!settings.Unbounded && (first > settings.MaxPageSize || last > settings.MaxPageSize))
            throw new ExecutionError(MaxPageSizeMessage) { Code = "HC0051" };

        int start = 0, end = list.Count;
        if (Arg(ctx, "after") is string after) start = Math.Max(start, Decode(after) + 1);
        if (Arg(ctx, "before") is string before) end = Math.Min(end, Decode(before));
        start = Math.Min(start, list.Count);
        end = Math.Max(start, end);
        if (!settings.Unbounded)
        {
            if (first is null && last is null) first = defaultPageSize ?? settings.DefaultPageSize;
            if (first is { } f) end = Math.Min(end, start + f);
            if (last is { } l) start = Math.Max(start, end - l);
        }

        var edges = new List<ConnectionEdge>(end - start);
        for (int i = start; i < end; i++) edges.Add(new ConnectionEdge(Encode(i), list[i]));
        var info = new PageInfo(end < list.Count, start > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new ConnectionPage(edges.Select(e => e.Node).ToList(), edges, info, list.Count);
    }

    private static object? Arg(IResolveFieldContext ctx, string name) =>
        ctx.Arguments is { } a && a.TryGetValue(name, out var v) ? v.Value : null;

    private static string Encode(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string cursor)
    {
        try
        {
            var s = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i)) return i;
        }
        catch (FormatException) { }
        throw new ExecutionError($"The cursor '{cursor}' is not valid.");
    }
}

/// <summary><c>&lt;Node&gt;Connection</c>: nodes, edges, pageInfo, totalCount.</summary>
public sealed class ConnectionType<TNodeType> : ObjectGraphType<ConnectionPage> where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var node = BaseName(typeof(TNodeType));
        Name = node + "Connection";
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<ListGraphType<NonNullGraphType<EdgeType<TNodeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => c.Source.TotalCount);
    }

    internal static string BaseName(Type t)
    {
        var n = t.Name;
        if (n.EndsWith("GraphType", StringComparison.Ordinal)) n = n[..^9];
        else if (n.EndsWith("Type", StringComparison.Ordinal)) n = n[..^4];
        return n;
    }
}

/// <summary><c>&lt;Node&gt;Edge</c>: cursor and node.</summary>
public sealed class EdgeType<TNodeType> : ObjectGraphType<ConnectionEdge> where TNodeType : IGraphType
{
    public EdgeType()
    {
        Name = ConnectionType<TNodeType>.BaseName(typeof(TNodeType)) + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
    }
}

/// <summary>HotChocolate's <c>PageInfo</c> type.</summary>
public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.EndCursor);
    }
}
