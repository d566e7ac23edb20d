using GraphQL;
using GraphQL.Types;
using Bloomy.Emulator.GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Resources;

/// <summary>Root fields every resource relies on: getAuthenticatedUserId (§5) and CreateNote (§6.2).</summary>
internal static class SharedGraphQL
{
    internal static void Register(BloomQuery q, BloomMutation m, bool legacyUserIdScalar)
    {
        if (legacyUserIdScalar)
            m.Field<LongGraphType>("getAuthenticatedUserId").Resolve(c => c.Bloom().CallerId);
        else
            m.Field<IdModelType>("getAuthenticatedUserId").Resolve(c => c.Bloom().CallerId);

        m.Field<GraphQLResponseOfStringType>("CreateNote")
            .Argument<StringGraphType>("text")
            .Resolve(c =>
            {
                var ctx = c.Bloom();
                if (ctx.Settings.CreateNoteFails) return new GraphQLResponse(false, "The notes pad could not be created.", null);
                return GraphQLResponse.Ok(ctx.Emulator.Pads.Create(c.GetArgument<string?>("text") ?? ""));
            });
    }
}
