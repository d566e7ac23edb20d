using System.Net;
using System.Text;
using System.Text.Json;
using Bloomy.Client.Json;
using Bloomy.Client.Json.Wire;

namespace Bloomy.Client.Http;

/// <summary>
/// Runs the client's hottest read paths once against answers made in memory: the request pipeline, retries,
/// JSON and mapping get compiled and their generic instantiations loaded before the first real pipeline needs
/// them, without a byte on the network. The answers are serialised from the client's own wire types, so they
/// always have the shape the client reads.
/// </summary>
internal static class ClientWarmup
{
    private static readonly Uri Base = new("http://127.0.0.1/api/v1/");

    public static async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = new BloomyClientOptions { ApiKey = "warmup", BaseUri = Base, Handler = new CannedAnswers(), MaxRetries = 0 };
        using var client = new BloomyClient(options);
        await client.Users.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.Users.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.Todos.ListAsync(userId: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private sealed class CannedAnswers : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri?.AbsolutePath ?? "";
            var json = BloomyJsonContext.Instance;
            string body =
                path.EndsWith("users/mine", StringComparison.OrdinalIgnoreCase) ? JsonSerializer.Serialize(new CurrentUserDto { Id = 1 }, json.CurrentUserDto)
                : path.EndsWith("users/1", StringComparison.OrdinalIgnoreCase) ? JsonSerializer.Serialize(new UserDto { Id = 1, Name = "Warm Up" }, json.UserDto)
                : path.IndexOf("search/all", StringComparison.OrdinalIgnoreCase) >= 0
                    ? JsonSerializer.Serialize(new List<SearchResultDto> { new() { Id = 1, Name = "Warm Up", Email = "w@example.com", ResultType = "User" } }, json.ListSearchResultDto)
                : JsonSerializer.Serialize(new List<TodoDto> { new() { Id = 1, Name = "Warm up", Owner = new OwnerDto { Id = 1, Name = "Warm Up" }, DueDate = new DateTime(2026, 1, 1) } }, json.ListTodoDto);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
