using System.Net;
using System.Net.Http;
using System.Text;
using Bloomy.Client;
using Bloomy.Client.Http;

namespace Bloomy.Tests.Client.Core;

public class ResponseHandlingTests
{
    private static readonly CoreTestJsonContext Json = CoreTestJsonContext.Default;

    [Theory]
    [InlineData("<html><body>Service temporarily unavailable</body></html>", "<html><body>Service temporarily unavailable</body></html>")]
    [InlineData("{\"Name\":\"no id\"}", "{\"Name\":\"no id\"}")]
    [InlineData("{\"Id\":\"not a number\"}", "{\"Id\":\"not a number\"}")]
    [InlineData("[1,2,3]", "[1,2,3]")]
    public async Task MalformedBodyIsInvalidResponseWithExcerpt(string body, string excerpt)
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.OK, body);
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => http.GetAsync("todo/5001", Json.TestItem, CancellationToken.None));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal(excerpt, ex.ResponseExcerpt);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("GET", ex.Method);
        Assert.Equal("todo/5001", ex.Path);
        Assert.StartsWith("GET todo/5001 returned a body that is not the expected JSON", ex.Message);
        Assert.Equal(body.StartsWith('<'), ex.Message.Contains("an HTML page"));
        Assert.Equal(1, handler.Calls); // not retried
    }

    [Fact]
    public async Task LongBodiesAreCutTo200Characters()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.OK, "<html>" + new string('x', 5000));
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => http.GetAsync("todo/5001", Json.TestItem, CancellationToken.None));

        Assert.Equal(200, ex.ResponseExcerpt!.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("null")]
    public async Task EmptyOrNullBodyOnReadIsInvalidResponse(string body)
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.OK, body);
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => http.GetAsync("users/mine", Json.TestItem, CancellationToken.None));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task ReadCallsIgnoreUnknownFields()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.OK, "{\"Id\":1001,\"Name\":\"Ada Park\",\"Type\":\"AngularUser\",\"Key\":\"AngularUser_1001\"}");
        using var http = CoreTest.Http(handler, time);

        var user = await http.GetAsync("users/mine", Json.TestItem, CancellationToken.None);

        Assert.Equal(1001, user.Id);
        Assert.Equal("Ada Park", user.Name);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "garbage that is not json")]
    [InlineData(HttpStatusCode.OK, null)]
    [InlineData(HttpStatusCode.NoContent, null)]
    [InlineData(HttpStatusCode.Created, "{}")]
    public async Task VoidCallsAcceptAny2xxWithoutReadingTheBody(HttpStatusCode status, string? body)
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(status, body);
        using var http = CoreTest.Http(handler, time);

        await http.SendVoidAsync(HttpMethod.Delete, "L10/2001", CancellationToken.None);

        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Unauthorized()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.Unauthorized, "{\"Message\":\"Authorization has been denied for this request.\"}");
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyAuthenticationException>(() => http.GetAsync("users/mine", Json.TestItem, CancellationToken.None));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("The Bloom Growth API rejected the API key (401 Unauthorized) for GET users/mine. Connect again with a valid key.", ex.Message);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Forbidden()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.Forbidden);
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyAuthenticationException>(() => http.SendVoidAsync(HttpMethod.Delete, "L10/2001", CancellationToken.None));

        Assert.Equal(403, ex.StatusCode);
        Assert.Contains("403 Forbidden", ex.Message);
        Assert.Contains("DELETE L10/2001", ex.Message);
    }

    [Fact]
    public async Task RedirectIsAFailure()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.Found, null, r => r.Headers.Location = new Uri("https://elsewhere.example/login"));
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => http.GetAsync("users/mine", Json.TestItem, CancellationToken.None));

        Assert.Equal(302, ex.StatusCode);
        Assert.Equal(BloomyFailureKind.HttpStatus, ex.Kind);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public void OwnHandlerDoesNotFollowRedirects()
    {
        using var client = HttpClientFactory.Create(new BloomyClientOptions
        {
            ApiKey = CoreTest.Key,
            BaseUri = CoreTest.Base,
            EnvironmentReader = _ => null,
            MaxConcurrentRequests = 8,
        }, CoreTest.Base);

        Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, client.Timeout);
        Assert.Equal(CoreTest.Base, client.BaseAddress);
    }

    [Fact]
    public async Task TheKeyNeverAppearsInMessagesToStringOrEvents()
    {
        var time = CoreTest.NewTime();
        var key = CoreTest.Key;
        var handler = new FakeHandler(time)
            .Respond(HttpStatusCode.Unauthorized, $"invalid token {key}")
            .Respond(HttpStatusCode.NotFound, $"{{\"Message\":\"Bearer {key} not found\"}}")
            .Respond(HttpStatusCode.OK, $"<html>{key}</html>")
            .Throw(new HttpRequestException($"boom {key}"))
            .Respond(HttpStatusCode.TooManyRequests, key, r => r.Headers.Add("Retry-After", "1"))
            .Respond(HttpStatusCode.BadRequest, key);
        var events = new List<BloomyRequestEvent>();
        using var http = CoreTest.Http(handler, time, o => o.MaxRetries = 1);
        var failures = new List<Exception>();

        using (BloomyRequestScope.Begin(e => { lock (events) { events.Add(e); } }))
        {
            failures.Add(await Assert.ThrowsAnyAsync<BloomyException>(() => http.GetAsync("users/mine", Json.TestItem, CancellationToken.None)));
            failures.Add(await Assert.ThrowsAnyAsync<BloomyException>(() => http.GetAsync("todo/1", Json.TestItem, CancellationToken.None)));
            failures.Add(await Assert.ThrowsAnyAsync<BloomyException>(() => http.GetAsync("todo/2", Json.TestItem, CancellationToken.None)));
            failures.Add(await Assert.ThrowsAnyAsync<BloomyException>(() => http.SendVoidAsync(HttpMethod.Post, "todo/create", CancellationToken.None)));
            failures.Add(await Assert.ThrowsAnyAsync<BloomyException>(() => time.Drive(http.SendVoidAsync(HttpMethod.Post, "todo/create", CancellationToken.None))));
        }

        Assert.Equal(5, failures.Count);
        foreach (var failure in failures)
        {
            Assert.DoesNotContain(key, failure.Message);
            Assert.DoesNotContain(key, failure.ToString());
            if (failure is BloomyApiException api)
            {
                Assert.DoesNotContain(key, api.ResponseExcerpt ?? string.Empty);
            }
        }
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            Assert.DoesNotContain(key, e.ToString());
            Assert.DoesNotContain(key, e.Detail ?? string.Empty);
            Assert.DoesNotContain(key, e.Path);
        }
        Assert.DoesNotContain(key, http.ToString());
        Assert.Null(http.Options.ApiKey);
    }

    [Fact]
    public async Task RequestsCarryTheWireHeaders()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
        {
            Fallback = (_, _) => Task.FromResult(FakeHandler.Response(HttpStatusCode.OK, "{\"Id\":1}")),
        };
        using var http = CoreTest.Http(handler, time);

        await http.GetAsync("users/search?term=ada+park", Json.TestItem, CancellationToken.None);
        await http.SendAsync(HttpMethod.Post, "todo/create", new TestBody { Title = "Ünïcode ✓" }, Json.TestBody, Json.TestItem, CancellationToken.None);
        await http.SendVoidAsync(HttpMethod.Post, "todo/5001/complete", CancellationToken.None);
        await http.SendVoidAsync(HttpMethod.Put, "rocks/6001/archive", CancellationToken.None);
        await http.SendVoidAsync(HttpMethod.Delete, "L10/2001", CancellationToken.None);

        var r = handler.Requests.ToArray();
        Assert.All(r, x =>
        {
            Assert.Equal("Bearer " + CoreTest.Key, x.Authorization);
            Assert.Equal("*/*", x.Accept);
            Assert.StartsWith("Bloomy/", x.UserAgent);
        });
        Assert.Equal("http://127.0.0.1:5999/api/v1/users/search?term=ada+park", r[0].Uri.AbsoluteUri);
        Assert.False(r[0].HasContent);

        Assert.Equal("application/json", r[1].ContentType);
        Assert.Equal("{\"title\":\"Ünïcode ✓\"}", Encoding.UTF8.GetString(r[1].Body!).Replace("\\u00DC", "Ü").Replace("\\u00EF", "ï").Replace("\\u2713", "✓"));

        Assert.Equal("application/json", r[2].ContentType);
        Assert.Equal(0, r[2].ContentLength);
        Assert.Equal("application/json", r[3].ContentType);
        Assert.Equal(0, r[3].ContentLength);
        Assert.False(r[4].HasContent);
    }

    [Fact]
    public async Task CustomUserAgent()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time);
        using var http = CoreTest.Http(handler, time, o => o.UserAgent = "MyTool/2.0 (ops)");

        await http.GetAsync("users/mine", Json.TestItem, CancellationToken.None);

        Assert.Equal("MyTool/2.0 (ops)", handler.Requests.Single().UserAgent);
    }

    [Fact]
    public async Task LeadingSlashIsRejected()
    {
        var time = CoreTest.NewTime();
        using var http = CoreTest.Http(new FakeHandler(time), time);

        await Assert.ThrowsAsync<ArgumentException>(() => http.GetAsync("/users/mine", Json.TestItem, CancellationToken.None));
    }

    [Fact]
    public async Task EventsDescribeAttemptsAndRetries()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK, "{\"Id\":1}");
        var events = new List<BloomyRequestEvent>();
        using var http = CoreTest.Http(handler, time, o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(600));

        using (BloomyRequestScope.Begin(e => { lock (events) { events.Add(e); } }))
        {
            await time.Drive(http.GetAsync("todo/user/1001?x=y", Json.TestItem, CancellationToken.None));
        }
        // Outside the scope nothing is reported.
        handler.Respond(HttpStatusCode.OK, "{\"Id\":1}");
        await http.GetAsync("users/mine", Json.TestItem, CancellationToken.None);

        Assert.Collection(events,
            e =>
            {
                Assert.Equal(BloomyRequestEventKind.Failed, e.Kind);
                Assert.Equal(503, e.StatusCode);
                Assert.Equal(1, e.Attempt);
                Assert.Equal("GET todo/user/1001?x=y → 503 in 0 ms", e.ToString());
            },
            e =>
            {
                Assert.Equal(BloomyRequestEventKind.RetryScheduled, e.Kind);
                Assert.Equal("GET todo/user/1001?x=y → 503; retry 1/3 in 0.6 s", e.ToString());
            },
            e =>
            {
                Assert.Equal(BloomyRequestEventKind.Completed, e.Kind);
                Assert.Equal(2, e.Attempt);
                Assert.Equal(200, e.StatusCode);
                Assert.StartsWith("GET todo/user/1001?x=y → 200 in ", e.ToString());
            });
    }

    [Fact]
    public async Task ListenerExceptionsDoNotBreakRequests()
    {
        var time = CoreTest.NewTime();
        using var http = CoreTest.Http(new FakeHandler(time), time);
        using var scope = BloomyRequestScope.Begin(_ => throw new InvalidOperationException("listener bug"));

        var item = await http.GetAsync("users/mine", Json.TestItem, CancellationToken.None);

        Assert.Equal(1, item.Id);
    }
}
