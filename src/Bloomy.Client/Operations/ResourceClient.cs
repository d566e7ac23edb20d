using System.Diagnostics;
using System.Text.Json.Serialization.Metadata;
using Bloomy.Client.Http;
using Bloomy.Client.Json;

namespace Bloomy.Client.Operations;

/// <summary>
/// The base of the resource clients (<see cref="BloomyClient.Todos"/>, <see cref="BloomyClient.Meetings"/>...): they
/// share the client's transport and current-user lookup, and send only requests of the route table.
/// </summary>
public abstract class ResourceClient
{
    private protected ResourceClient(BloomyClient client) => Client = client;

    private protected static BloomyJsonContext Json => BloomyJsonContext.Instance;

    private protected BloomyClient Client { get; }

    private protected BloomyHttp Http => Client.Http;

    // The connection's GraphQL transport (documents of GraphQL.GraphQLDocuments only).
    private protected GraphQL.GraphQLTransport GraphQL => Client.Http.GraphQL;

    /// <summary>The given user id, or the current user's (one <c>users/mine</c> lookup per client) when none was given.</summary>
    private protected Task<long> UserIdAsync(long? userId, CancellationToken cancellationToken) =>
        Client.ResolveUserIdAsync(userId, cancellationToken);

    private protected Task<T> GetAsync<T>(ApiRoute route, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        Debug.Assert(route.Method == HttpMethod.Get, "A read goes through a GET route.");
        return Http.GetAsync(route.Path, responseType, cancellationToken);
    }

    private protected Task SendAsync(ApiRoute route, CancellationToken cancellationToken) =>
        Http.SendVoidAsync(route.Method, route.Path, cancellationToken);

    private protected Task SendAsync<TBody>(ApiRoute route, TBody body, JsonTypeInfo<TBody> bodyType,
        CancellationToken cancellationToken) =>
        Http.SendVoidAsync(route.Method, route.Path, body, bodyType, cancellationToken);

    private protected Task<TResponse> SendAsync<TBody, TResponse>(ApiRoute route, TBody body, JsonTypeInfo<TBody> bodyType,
        JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        Http.SendAsync(route.Method, route.Path, body, bodyType, responseType, cancellationToken);
}
