using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Types;

/// <summary>A user (bloom-graphql §8); other resources add fields through <c>q.Extensions.User(...)</c>.</summary>
public sealed class UserType : ObjectGraphType<EmulatorUser>
{
    public UserType(SchemaExtensions extensions)
    {
        Name = "User";
        Field<NonNullGraphType<LongGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("fullName").Resolve(c => c.Source.Name);
        Field<StringGraphType>("firstName").Resolve(c => Names.First(c.Source));
        Field<StringGraphType>("lastName").Resolve(c => Names.Last(c.Source));
        Field<StringGraphType>("email").Resolve(c => c.Source.Email.Length == 0 ? null : c.Source.Email);
        Field<StringGraphType>("imageUrl").Resolve(c => c.Source.ImageUrl);
        Field<StringGraphType>("avatar").Resolve(c => c.Source.ImageUrl);
        extensions.Apply(this);
    }
}

/// <summary>First and last name from the stored full name.</summary>
public static class Names
{
    public static string First(EmulatorUser u) { var n = u.Name.Trim(); int i = n.IndexOf(' '); return i < 0 ? n : n[..i]; }
    public static string Last(EmulatorUser u) { var n = u.Name.Trim(); int i = n.IndexOf(' '); return i < 0 ? "" : n[(i + 1)..]; }
}

/// <summary><c>UserQueryModelFilterInput</c> (root users).</summary>
public sealed class UserQueryModelFilterInput : FilterInputType<UserQueryModelFilterInput, EmulatorUser>
{
    public UserQueryModelFilterInput() : base("UserQueryModelFilterInput")
    {
        Long("id", u => u.Id);
        String("fullName", u => u.Name);
        String("email", u => u.Email);
    }
}

/// <summary><c>UserQueryModelSortInput</c>.</summary>
public sealed class UserQueryModelSortInput : SortInputType<UserQueryModelSortInput, EmulatorUser>
{
    public UserQueryModelSortInput() : base("UserQueryModelSortInput")
    {
        By("id", u => u.Id);
        By("fullName", u => u.Name);
        By("firstName", Names.First);
        By("lastName", Names.Last);
    }
}
