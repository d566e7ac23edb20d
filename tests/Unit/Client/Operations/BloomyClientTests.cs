using System.Net;
using System.Text.Json;
using Bloomy.Client;
using Bloomy.Client.Auth;
using Bloomy.Client.Json;
using Bloomy.Client.Json.Wire;
using static Bloomy.Tests.Client.Operations.Ops;

namespace Bloomy.Tests.Client.Operations;

public sealed class BloomyClientTests
{
    [Fact]
    public async Task Current_user_is_fetched_once_under_20_concurrent_callers()
    {
        var (client, h) = Create();
        h.Delay = TimeSpan.FromMilliseconds(100);

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => client.GetCurrentUserIdAsync())));

        Assert.All(ids, id => Assert.Equal(1001, id));
        Assert.Single(h.Requests);
        Assert.Equal(1001, await client.GetCurrentUserIdAsync());
        Assert.Single(h.Requests);
    }

    [Fact]
    public async Task Twenty_concurrent_operations_share_one_users_mine()
    {
        var (client, h) = Create();
        h.Delay = TimeSpan.FromMilliseconds(50);
        h.On("GET", "todo/user/1001", "[]");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Todos.ListAsync()));

        Assert.Equal(1, h.Requests.Count(r => r.Path == "users/mine"));
        Assert.Equal(20, h.Requests.Count(r => r.Path == "todo/user/1001"));
    }

    [Fact]
    public async Task Failures_are_not_cached()
    {
        var (client, h) = Create(withMe: false);
        h.OnEmpty("GET", "users/mine", HttpStatusCode.InternalServerError);
        await Assert.ThrowsAsync<BloomyApiException>(() => client.GetCurrentUserIdAsync());

        h.On("GET", "users/mine", Me);
        Assert.Equal(1001, await client.GetCurrentUserIdAsync());
        Assert.Equal(2, h.Requests.Count);
    }

    [Theory]
    [InlineData("""{"Id": null, "Name": "x"}""")]
    [InlineData("""{"Name": "x"}""")]
    public async Task Missing_id_is_an_invalid_response_and_not_cached(string body)
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "users/mine", body);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => client.GetCurrentUserIdAsync());
        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal("users/mine", ex.Path);

        h.On("GET", "users/mine", """{"Id": "1007"}""");
        Assert.Equal(1007, await client.GetCurrentUserIdAsync());
    }

    [Fact]
    public async Task A_cancelled_waiter_does_not_cancel_the_shared_lookup()
    {
        var (client, h) = Create();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.BeforeAnswer = _ => release.Task;

        using var cts = new CancellationTokenSource();
        var first = client.GetCurrentUserIdAsync(cts.Token);
        var second = client.GetCurrentUserIdAsync();
        await WaitForAsync(() => !h.Requests.IsEmpty);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        release.SetResult();
        Assert.Equal(1001, await second);
        Assert.Single(h.Requests);
    }

    [Fact]
    public void Exposes_options_and_never_the_key()
    {
        var (client, _) = Create();
        Assert.Equal(new Uri(RecordingHandler.Root), client.BaseUri);
        Assert.Equal(BloomyApiKeySource.Explicit, client.ApiKeySource);
        Assert.Equal(0, client.MaxRetries);
        Assert.Equal(64, client.MaxConcurrentRequests);
        Assert.Equal(TimeSpan.FromSeconds(30), client.Timeout);
        Assert.DoesNotContain("test-key", client.ToString());
        Assert.NotNull(client.Users);
        Assert.NotNull(client.Meetings);
        Assert.NotNull(client.Todos);
        Assert.NotNull(client.Goals);
        Assert.NotNull(client.Scorecard);
        Assert.NotNull(client.Issues);
        Assert.NotNull(client.Headlines);
        client.Dispose();
        client.Dispose();
        Assert.Throws<ObjectDisposedException>(() => { _ = client.GetCurrentUserIdAsync(); });
    }

    [Fact]
    public void Null_options_throw()
    {
        Assert.Throws<ArgumentNullException>(() => new BloomyClient((BloomyClientOptions)null!));
    }

    [Theory]
    [InlineData("2024-12-31", 2024, 12, 31, 0, 0, 0, 0, DateTimeKind.Unspecified)]
    [InlineData("2024-06-17T00:00:00", 2024, 6, 17, 0, 0, 0, 0, DateTimeKind.Unspecified)]
    [InlineData("2024-06-01T10:00:00Z", 2024, 6, 1, 10, 0, 0, 0, DateTimeKind.Utc)]
    [InlineData("2024-06-01T12:00:00+02:00", 2024, 6, 1, 10, 0, 0, 0, DateTimeKind.Utc)]
    [InlineData("2024-06-01T03:00:00-07:00", 2024, 6, 1, 10, 0, 0, 0, DateTimeKind.Utc)]
    [InlineData("2024-06-01T10:00:00.250Z", 2024, 6, 1, 10, 0, 0, 250, DateTimeKind.Utc)]
    [InlineData("2024-06-01T10:00:00.5", 2024, 6, 1, 10, 0, 0, 500, DateTimeKind.Unspecified)]
    [InlineData(" 2024-06-01 ", 2024, 6, 1, 0, 0, 0, 0, DateTimeKind.Unspecified)]
    public void Dates_parse_leniently(string text, int y, int mo, int d, int h, int mi, int s, int ms, DateTimeKind kind)
    {
        var value = LenientDate.Parse(text);
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, ms), value!.Value, TimeSpan.Zero);
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, ms, kind), value.Value);
        Assert.Equal(kind, value.Value.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2024-W25")]
    public void Empty_or_unparseable_dates_are_null(string? text) => Assert.Null(LenientDate.Parse(text));

    [Fact]
    public void Due_dates_format_as_date_or_date_time()
    {
        Assert.Equal("2024-12-31", LenientDate.FormatDueDate(new DateTime(2024, 12, 31)));
        Assert.Equal("2024-12-31", LenientDate.FormatDueDate(new DateTime(2024, 12, 31, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("2024-12-31T17:30:00", LenientDate.FormatDueDate(new DateTime(2024, 12, 31, 17, 30, 0)));
        Assert.Equal("2024-12-31T17:30:00Z", LenientDate.FormatDueDate(new DateTime(2024, 12, 31, 17, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Json_context_is_compact_raw_and_ordered_and_reads_leniently()
    {
        var json = JsonSerializer.Serialize(
            new MeetingTodoCreateBody { Title = "Ünïcode <b> & 'q' \"x\" 日本", ForId = 1001, DueDate = "2024-12-31" },
            BloomyJsonContext.Instance.MeetingTodoCreateBody);
        Assert.Equal("""{"Title":"Ünïcode <b> & 'q' \"x\" 日本","ForId":1001,"dueDate":"2024-12-31"}""", json);

        var todo = JsonSerializer.Deserialize("""{"Id":"999","Name":"  padded  ","Unknown":{"a":[1]},"DueDate":"","CloseTime":"","Complete":null}""",
            BloomyJsonContext.Instance.TodoDto)!;
        Assert.Equal(999, todo.Id);
        Assert.Equal("padded", todo.Name);
        Assert.Null(todo.DueDate);
        Assert.False(todo.HasCreateTime);

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"Name":"x"}""", BloomyJsonContext.Instance.TodoDto));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }
}
