using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets;

// Connect-Bloomy -GraphQLUri: checked like -BaseUri before anything is sent, and shown on the connection.
public sealed class ConnectBloomyGraphQLTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _fixture;
    private readonly PowerShellSession _session = new();

    public ConnectBloomyGraphQLTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _fixture.Emulator.Faults.Reset();
        _fixture.Emulator.Stats.Reset();
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void A_plain_http_GraphQL_endpoint_elsewhere_is_refused_before_anything_is_sent()
    {
        var result = _session.Run("Connect-Bloomy -BaseUri $b -ApiKey $k -GraphQLUri 'http://api.example.test/graphql/'",
            new() { ["b"] = _fixture.Emulator.BaseUri, ["k"] = _fixture.Emulator.DemoApiKey });

        Assert.NotNull(result.TerminatingRecord);
        Assert.StartsWith("Bloomy.Configuration", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("GraphQLUri", result.TerminatingRecord.ToString());
        Assert.Empty(_fixture.Emulator.Stats.Requests);
    }

    [Fact]
    public void The_connection_shows_the_given_GraphQL_endpoint()
    {
        var endpoint = new Uri("http://127.0.0.1:1/graphql/");
        var result = _session.Run("Connect-Bloomy -BaseUri $b -ApiKey $k -GraphQLUri $g -PassThru",
            new() { ["b"] = _fixture.Emulator.BaseUri, ["k"] = _fixture.Emulator.DemoApiKey, ["g"] = endpoint }).ThrowIfFailed();

        var connection = Assert.IsType<Bloomy.Cmdlets.Connections.BloomyConnection>(Assert.Single(result.Output));
        Assert.Equal(endpoint, connection.GraphQLUri);
    }
}
