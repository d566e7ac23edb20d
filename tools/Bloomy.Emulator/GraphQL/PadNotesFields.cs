using GraphQL;
using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL;

/// <summary>
/// The four notes fields of bloom-graphql §6.1 on an entity type: <c>notesId notesText localHtml collaborationEnabled</c>.
/// <c>notesText</c> is the pad's text only when <c>collaborationEnabled</c> is selected beside it, else "" (§17.5).
/// </summary>
public static class PadNotesFields
{
    public static void Add<TSource>(ObjectGraphType<TSource> type, Func<TSource, string?> notesId,
        Func<TSource, bool> collaborationEnabled, Func<TSource, string?> localHtml)
    {
        type.Field<StringGraphType>("notesId").Resolve(c => notesId(c.Source));
        type.Field<NonNullGraphType<BooleanGraphType>>("collaborationEnabled").Resolve(c => collaborationEnabled(c.Source));
        type.Field<StringGraphType>("localHtml").Resolve(c => localHtml(c.Source));
        type.Field<StringGraphType>("notesText").Resolve(c =>
            SiblingSelected(c, "collaborationEnabled") ? c.Bloom().Emulator.Pads.Text(notesId(c.Source)) ?? "" : "");
    }

    /// <summary>True when the selection set holding the current field also selects <paramref name="fieldName"/>.</summary>
    internal static bool SiblingSelected(IResolveFieldContext c, string fieldName)
    {
        var siblings = c.Parent?.SubFields;
        return siblings is not null && siblings.Values.Any(f => f.Field.Name.Value == fieldName);
    }
}
