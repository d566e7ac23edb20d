using Bloomy.Client;
using Bloomy.Client.Http;
using Bloomy.Tests.Client.Core;

namespace Bloomy.Tests.Client.GraphQL;

// GraphQLUri receives the same key as BaseUri: validated by the same rules, before anything is sent.
public class GraphQLOptionsTests
{
    private static BloomyClientOptions Options(string? graphQL, bool allowInsecure = false) => new()
    {
        BaseUri = new Uri("https://api.example.test/api/v1"),
        GraphQLUri = graphQL is null ? null : new Uri(graphQL, UriKind.RelativeOrAbsolute),
        AllowInsecureHttp = allowInsecure,
    };

    [Theory]
    [InlineData("https://app.bloomgrowth.com:8443/api/v1/", "https://app.bloomgrowth.com:8443/graphql/")]
    [InlineData("https://app.bloomgrowth.com/api/v1", "https://app.bloomgrowth.com/graphql/")]
    [InlineData("http://127.0.0.1:5000/api/v1/", "http://127.0.0.1:5000/graphql/")]
    public void TheDefaultIsGraphQLWithItsSlashOnTheHostOfTheBaseUri(string baseUri, string expected)
    {
        Assert.Equal(new Uri(expected), new BloomyClientOptions { BaseUri = new Uri(baseUri) }.GetEffectiveGraphQLUri());
    }

    [Theory]
    [InlineData("graphql/", "must be an absolute http or https URI")]
    [InlineData("ftp://api.example.test/graphql/", "must be an absolute http or https URI")]
    [InlineData("https://user:hunter2@api.example.test/graphql/", "must not contain a user name or password")]
    [InlineData("ftp://user:hunter2@api.example.test/graphql/", "must not contain a user name or password")]
    [InlineData("https://api.example.test/graphql/?x=1", "must not contain a query or fragment")]
    [InlineData("http://api.example.test/graphql/", "uses plain http")]
    public void ABadEndpointIsRefusedBeforeAnythingIsSent(string uri, string expected)
    {
        var ex = Assert.Throws<BloomyConfigurationException>(() => OptionsValidator.Validate(Options(uri)));
        Assert.Contains("GraphQLUri", ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("hunter2", ex.Message);
    }

    [Theory]
    [InlineData("http://localhost:7000/graphql/", false)]
    [InlineData("http://[::1]:7000/graphql/", false)]
    [InlineData("http://api.example.test/graphql/", true)]
    [InlineData("https://other.example.test/gql", false)]
    public void PlainHttpOnlyOnLoopbackOrWhenAllowed(string uri, bool allowInsecure)
    {
        OptionsValidator.Validate(Options(uri, allowInsecure));
    }

    [Fact]
    public void TheClientShowsItsEndpoint()
    {
        var time = CoreTest.NewTime();
        using var client = new BloomyClient(CoreTest.Options(new FakeHandler(time), time));
        Assert.Equal(new Uri("http://127.0.0.1:5999/graphql/"), client.GraphQLUri);
    }
}
