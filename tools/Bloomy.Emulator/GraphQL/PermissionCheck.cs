using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL;

/// <summary>
/// Answers the root fields listed in <see cref="GraphQLSettings.Forbidden"/> as the server answers a caller without the
/// right (bloom-graphql.md §3): the F-response mutations with <c>success:false</c> and a <c>FORBIDDEN</c> detail, every
/// other root field with a top-level <c>PermissionsException</c> error. Only root resolvers are wrapped, so nested
/// fields cost nothing.
/// </summary>
internal static class PermissionCheck
{
    internal const string NotAllowed = "User not allowed to perform this action";

    internal static void Wrap(IObjectGraphType root)
    {
        foreach (var field in root.Fields)
        {
            if (field.Resolver is { } inner)
                field.Resolver = new Checked(inner, field.Name, IsResponse(field.Type));
        }
    }

    private static bool IsResponse(Type? graphType) =>
        graphType is not null
        && (typeof(Types.GraphQLResponseOfBooleanType).IsAssignableFrom(graphType) || typeof(Types.GraphQLResponseOfStringType).IsAssignableFrom(graphType)
            || graphType.IsGenericType && graphType.GetGenericArguments().Any(a => IsResponse(a)));

    private sealed class Checked(IFieldResolver inner, string name, bool response) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            if (!context.Bloom().Settings.Forbidden.Contains(name)) return inner.ResolveAsync(context);
            if (response) return new(Types.GraphQLResponse.Failed(NotAllowed, "FORBIDDEN"));
            throw new ExecutionError("PermissionsException: " + NotAllowed);
        }
    }
}
