using GraphQL;
using GraphQL.Types;
using Bloomy.Emulator.GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Resources;

/// <summary>user(id) and users (bloom-graphql §8).</summary>
internal static class UsersGraphQL
{
    internal static void Register(BloomQuery q, BloomMutation m)
    {
        q.Field<UserType>("user")
            .Argument<NonNullGraphType<LongGraphType>>("id")
            .Resolve(c => c.Bloom().Store.UserMap.GetValueOrDefault(c.GetArgument<long>("id")));
        Connections.Field<UserType, EmulatorUser>(q, "users", c => c.Bloom().Store.UserMap.Values.ToList(),
            where: typeof(UserQueryModelFilterInput), order: typeof(UserQueryModelSortInput));
    }
}
