using System.Collections;
using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL;

/// <summary>Evaluates a parsed <c>where</c> value against an item.</summary>
public interface IItemFilter<in TItem>
{
    bool Matches(TItem item, IDictionary<string, object?> where);
}

/// <summary>Applies a parsed <c>order</c> list.</summary>
public interface IItemSort<TItem>
{
    IEnumerable<TItem> Sort(IEnumerable<TItem> items, IEnumerable<object?> order);
}

/// <summary>
/// A HotChocolate-style filter input (<c>&lt;Model&gt;QueryModelFilterInput</c>): <c>and</c>, <c>or</c>, and per field
/// <c>eq</c> (incl. null), <c>neq</c>, <c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>, <c>in</c>. Declare the fields in the
/// constructor: <c>Bool("completed", t =&gt; t.Complete)</c>.
/// </summary>
public abstract class FilterInputType<TSelf, TItem> : InputObjectGraphType, IItemFilter<TItem>
    where TSelf : FilterInputType<TSelf, TItem>
{
    private readonly Dictionary<string, Func<TItem, object?>> _fields = new(StringComparer.Ordinal);

    protected FilterInputType(string name)
    {
        Name = name;
        Field<ListGraphType<NonNullGraphType<TSelf>>>("and");
        Field<ListGraphType<NonNullGraphType<TSelf>>>("or");
    }

    protected void Bool(string name, Func<TItem, bool?> get) { Field<BooleanOperationFilterInputType>(name); _fields[name] = i => get(i); }
    protected void Long(string name, Func<TItem, long?> get) { Field<LongOperationFilterInputType>(name); _fields[name] = i => get(i); }
    /// <summary>A timestamp (Float unix seconds) or other number.</summary>
    protected void Float(string name, Func<TItem, double?> get) { Field<FloatOperationFilterInputType>(name); _fields[name] = i => get(i); }
    protected void String(string name, Func<TItem, string?> get) { Field<StringOperationFilterInputType>(name); _fields[name] = i => get(i); }

    public bool Matches(TItem item, IDictionary<string, object?> where)
    {
        foreach (var (key, value) in where)
        {
            switch (key)
            {
                case "and":
                    if (value is IEnumerable all && !all.Cast<object?>().All(c => c is IDictionary<string, object?> d && Matches(item, d))) return false;
                    break;
                case "or":
                    if (value is IEnumerable any && !any.Cast<object?>().Any(c => c is IDictionary<string, object?> d && Matches(item, d))) return false;
                    break;
                default:
                    if (value is IDictionary<string, object?> ops && !Operations.Match(_fields[key](item), ops)) return false;
                    break;
            }
        }
        return true;
    }
}

internal static class Operations
{
    internal static bool Match(object? actual, IDictionary<string, object?> ops)
    {
        foreach (var (op, v) in ops)
        {
            bool ok = op switch
            {
                "eq" => Compare(actual, v) == 0,
                "neq" => Compare(actual, v) != 0,
                "gt" => actual is not null && v is not null && Compare(actual, v) > 0,
                "gte" => actual is not null && v is not null && Compare(actual, v) >= 0,
                "lt" => actual is not null && v is not null && Compare(actual, v) < 0,
                "lte" => actual is not null && v is not null && Compare(actual, v) <= 0,
                "in" => v is IEnumerable list && list.Cast<object?>().Any(x => Compare(actual, x) == 0),
                "contains" => actual is string s && v is string sub && s.Contains(sub, StringComparison.OrdinalIgnoreCase),
                _ => true,
            };
            if (!ok) return false;
        }
        return true;
    }

    internal static int Compare(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null ? 0 : a is null ? -1 : 1;
        if (a is string sa && b is string sb) return string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase);
        if (a is bool ba && b is bool bb) return ba.CompareTo(bb);
        if (IsNumber(a) && IsNumber(b))
            return Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture)
                .CompareTo(Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture));
        if (a.GetType() == b.GetType() && a is IComparable c) return c.CompareTo(b);
        return string.CompareOrdinal(a.ToString(), b.ToString());
    }

    private static bool IsNumber(object o) => o is int or long or double or float or decimal or short or System.Numerics.BigInteger;
}

/// <summary>HotChocolate's <c>BooleanOperationFilterInput</c>.</summary>
public sealed class BooleanOperationFilterInputType : InputObjectGraphType
{
    public BooleanOperationFilterInputType()
    {
        Name = "BooleanOperationFilterInput";
        Field<BooleanGraphType>("eq");
        Field<BooleanGraphType>("neq");
    }
}

/// <summary>Comparable operations on one scalar type.</summary>
public abstract class ComparableOperationFilterInputType<TScalar> : InputObjectGraphType where TScalar : ScalarGraphType
{
    protected ComparableOperationFilterInputType(string name)
    {
        Name = name;
        foreach (var op in new[] { "eq", "neq", "gt", "gte", "lt", "lte" }) Field<TScalar>(op);
        Field<ListGraphType<TScalar>>("in");
    }
}

/// <summary>HotChocolate's <c>LongOperationFilterInput</c>.</summary>
public sealed class LongOperationFilterInputType() : ComparableOperationFilterInputType<LongGraphType>("LongOperationFilterInput");

/// <summary>HotChocolate's <c>FloatOperationFilterInput</c> (timestamps).</summary>
public sealed class FloatOperationFilterInputType() : ComparableOperationFilterInputType<FloatGraphType>("FloatOperationFilterInput");

/// <summary>HotChocolate's <c>StringOperationFilterInput</c>.</summary>
public sealed class StringOperationFilterInputType : InputObjectGraphType
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Field<StringGraphType>("eq");
        Field<StringGraphType>("neq");
        Field<StringGraphType>("contains");
        Field<ListGraphType<StringGraphType>>("in");
    }
}

/// <summary>Sort direction of HotChocolate's <c>SortEnumType</c>.</summary>
public enum SortDirection { Asc, Desc }

/// <summary>HotChocolate's <c>SortEnumType</c> (ASC, DESC).</summary>
public sealed class SortEnumType : EnumerationGraphType<SortDirection>
{
    public SortEnumType() => Name = "SortEnumType";
}

/// <summary>
/// A sort input (<c>&lt;Model&gt;SortInput</c>) accepting <c>[{field: ASC|DESC}]</c>. Declare keys in the constructor:
/// <c>By("fullName", u =&gt; u.Name)</c>.
/// </summary>
public abstract class SortInputType<TSelf, TItem> : InputObjectGraphType, IItemSort<TItem>
    where TSelf : SortInputType<TSelf, TItem>
{
    private readonly Dictionary<string, Func<TItem, object?>> _keys = new(StringComparer.Ordinal);
    private static readonly IComparer<object?> Comparer = Comparer<object?>.Create(Operations.Compare);

    protected SortInputType(string name) => Name = name;

    protected void By(string name, Func<TItem, object?> key)
    {
        Field<SortEnumType>(name);
        _keys[name] = key;
    }

    public IEnumerable<TItem> Sort(IEnumerable<TItem> items, IEnumerable<object?> order)
    {
        IOrderedEnumerable<TItem>? sorted = null;
        foreach (var entry in order)
        {
            if (entry is not IDictionary<string, object?> d) continue;
            foreach (var (name, dir) in d)
            {
                if (dir is null) continue;
                var key = _keys[name];
                bool desc = dir is SortDirection.Desc;
                sorted = sorted is null
                    ? desc ? items.OrderByDescending(key, Comparer) : items.OrderBy(key, Comparer)
                    : desc ? sorted.ThenByDescending(key, Comparer) : sorted.ThenBy(key, Comparer);
            }
        }
        return sorted ?? items;
    }
}
