using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Bloomy.Client;
using Bloomy.Client.Http;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;

namespace Bloomy.Tests.Client.Core;

public class RetryTests
{
    private static readonly CoreTestJsonContext Json = CoreTestJsonContext.Default;

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("POST")]
    public async Task Status429IsRetriedForEveryMethod(string method)
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Respond(HttpStatusCode.TooManyRequests, "slow down", r => r.Headers.Add("Retry-After", "2"))
            .Respond(HttpStatusCode.OK, "{\"Id\":7}");
        using var http = CoreTest.Http(handler, time);

        // A read goes out as GET; the other methods carry a body, as the resource clients send them.
        var send = method == "GET"
            ? http.GetAsync("things/1", Json.TestItem, CancellationToken.None)
            : http.SendAsync(CoreTest.Method(method), "things/1", new TestBody { Title = "x" }, Json.TestBody, Json.TestItem, CancellationToken.None);
        var item = await time.Drive(send);

        Assert.Equal(7, item.Id);
        Assert.Equal(2, handler.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task ServerErrorsAreNotRetriedForPost(HttpStatusCode status)
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(status, "{\"Message\":\"down\"}");
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
            time.Drive(http.SendVoidAsync(HttpMethod.Post, "todo/create", CancellationToken.None)));

        Assert.Equal(1, handler.Calls);
        Assert.Equal(BloomyFailureKind.HttpStatus, ex.Kind);
        Assert.Equal((int)status, ex.StatusCode);
        Assert.Equal(0, ex.RetryCount);
    }

    [Theory]
    [InlineData("GET", HttpStatusCode.ServiceUnavailable)]
    [InlineData("GET", HttpStatusCode.InternalServerError)]
    [InlineData("GET", HttpStatusCode.RequestTimeout)]
    [InlineData("PUT", HttpStatusCode.BadGateway)]
    [InlineData("DELETE", HttpStatusCode.GatewayTimeout)]
    public async Task ServerErrorsAreRetriedForIdempotentMethods(string method, HttpStatusCode status)
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(status).Respond(status).Respond(HttpStatusCode.OK);
        using var http = CoreTest.Http(handler, time);

        await time.Drive(http.SendVoidAsync(CoreTest.Method(method), "x/1", CancellationToken.None));

        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task Get503IsRetriedUpToMaxRetriesThenFailsWithRetryCount()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time) { Fallback = (_, _) => Task.FromResult(FakeHandler.Response(HttpStatusCode.ServiceUnavailable, "busy")) };
        var events = new List<BloomyRequestEvent>();
        using var http = CoreTest.Http(handler, time, o => o.MaxRetries = 3);

        BloomyApiException ex;
        using (BloomyRequestScope.Begin(e => { lock (events) { events.Add(e); } }))
        {
            ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
                time.Drive(http.GetAsync("todo/user/1001", Json.TestItem, CancellationToken.None)));
        }

        Assert.Equal(4, handler.Calls);
        Assert.Equal(3, ex.RetryCount);
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(BloomyFailureKind.HttpStatus, ex.Kind);
        Assert.Equal("GET todo/user/1001 failed: 503 Service Unavailable after 3 retries. busy", ex.Message);
        Assert.Equal("busy", ex.ResponseExcerpt);

        // Exponential backoff from RetryBaseDelay (1 s) with the jitter pinned to its midpoint.
        var delays = events.Where(e => e.Kind == BloomyRequestEventKind.RetryScheduled).Select(e => e.Delay).ToList();
        Assert.Equal(new TimeSpan?[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }, delays);
        var at = handler.Requests.Select(r => r.At).ToList();
        Assert.True(at[1] - at[0] >= TimeSpan.FromSeconds(1));
        Assert.True(at[2] - at[1] >= TimeSpan.FromSeconds(2));
        Assert.True(at[3] - at[2] >= TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task BackoffIsCappedAtMaxRetryDelayAndJittered()
    {
        var time = CoreTest.NewTime();
        var jitter = 0.0;
        using var http = CoreTest.Http(new FakeHandler(time), time, o =>
        {
            o.RetryBaseDelay = TimeSpan.FromSeconds(1);
            o.MaxRetryDelay = TimeSpan.FromSeconds(3);
            o.JitterSource = () => jitter;
        });

        Assert.Equal(TimeSpan.FromSeconds(0.75), http.Retry.Backoff(0));
        jitter = 1.0;
        Assert.Equal(TimeSpan.FromSeconds(1.25), http.Retry.Backoff(0));
        jitter = 0.5;
        Assert.Equal(TimeSpan.FromSeconds(2), http.Retry.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(3), http.Retry.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(3), http.Retry.Backoff(20));
    }

    [Fact]
    public async Task NonTransientStatusIsNotRetried()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.NotFound, "{\"Message\":\"No such to-do\"}");
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => http.GetAsync("todo/user/1042", Json.TestItem, CancellationToken.None));

        Assert.Equal(1, handler.Calls);
        Assert.Equal("GET todo/user/1042 failed: 404 Not Found. {\"Message\":\"No such to-do\"}", ex.Message);
        Assert.Equal(404, ex.StatusCode);
    }

    [Fact]
    public async Task RetryAfterSecondsIsHonoured()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.Add("Retry-After", "7"))
            .Respond(HttpStatusCode.OK, "{\"Id\":1}");
        var events = new List<BloomyRequestEvent>();
        using var http = CoreTest.Http(handler, time);

        using (BloomyRequestScope.Begin(e => { lock (events) { events.Add(e); } }))
        {
            await time.Drive(http.GetAsync("users/mine", Json.TestItem, CancellationToken.None));
        }

        var retry = Assert.Single(events, e => e.Kind == BloomyRequestEventKind.RetryScheduled);
        Assert.Equal(TimeSpan.FromSeconds(7), retry.Delay);
        Assert.Equal(429, retry.StatusCode);
        var at = handler.Requests.Select(r => r.At).ToList();
        Assert.True(at[1] - at[0] >= TimeSpan.FromSeconds(7), $"second attempt after {at[1] - at[0]}");
    }

    [Fact]
    public async Task RetryAfterDateIsHonouredAgainstTheTimeProvider()
    {
        var time = CoreTest.NewTime();
        var retryAt = time.GetUtcNow().AddSeconds(20);
        var handler = new FakeHandler(time)
            .Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAt))
            .Respond(HttpStatusCode.OK, "{\"Id\":1}");
        var events = new List<BloomyRequestEvent>();
        using var http = CoreTest.Http(handler, time);

        using (BloomyRequestScope.Begin(e => { lock (events) { events.Add(e); } }))
        {
            await time.Drive(http.GetAsync("users/mine", Json.TestItem, CancellationToken.None));
        }

        var retry = Assert.Single(events, e => e.Kind == BloomyRequestEventKind.RetryScheduled);
        Assert.Equal(TimeSpan.FromSeconds(20), retry.Delay);
        Assert.True(handler.Requests.Last().At >= retryAt);
    }

    [Fact]
    public async Task RetryAfterIsCappedAtMaxRetryDelay()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.Add("Retry-After", "3600"))
            .Respond(HttpStatusCode.OK, "{\"Id\":1}");
        var events = new List<BloomyRequestEvent>();
        using var http = CoreTest.Http(handler, time, o => o.MaxRetryDelay = TimeSpan.FromSeconds(30));

        using (BloomyRequestScope.Begin(e => { lock (events) { events.Add(e); } }))
        {
            await time.Drive(http.GetAsync("users/mine", Json.TestItem, CancellationToken.None), TimeSpan.FromSeconds(1));
        }

        Assert.Equal(TimeSpan.FromSeconds(30), Assert.Single(events, e => e.Kind == BloomyRequestEventKind.RetryScheduled).Delay);
    }

    [Fact]
    public async Task Exhausted429ReportsStatusAndRetryAfter()
    {
        // 429s are waited out for as long as the total timeout allows (here 22 s: attempts at 0, 5, 10, 15
        // and 20 s; one more would end at 25 s), however small MaxRetries is.
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
        {
            Fallback = (_, _) => Task.FromResult(FakeHandler.Response(HttpStatusCode.TooManyRequests, null, r => r.Headers.Add("Retry-After", "5"))),
        };
        using var http = CoreTest.Http(handler, time, o =>
        {
            o.MaxRetries = 2;
            o.TotalTimeout = TimeSpan.FromSeconds(22);
        });

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
            time.Drive(http.SendVoidAsync(HttpMethod.Post, "todo/create", CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal(5, handler.Calls);
        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), ex.RetryAfter);
        Assert.Equal(4, ex.RetryCount);
        Assert.Contains("429 Too Many Requests (the server asked to wait 5 s) after 4 retries; waiting again would pass the 22 s limit on rate-limit waits", ex.Message);
    }

    [Fact]
    public async Task RateLimitRetriesAreBoundedByTimeNotByMaxRetries()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time);
        for (var i = 0; i < 6; i++)
        {
            handler.Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.Add("Retry-After", "1"));
        }
        handler.Respond(HttpStatusCode.OK, "{\"Id\":9}");
        var events = new List<BloomyRequestEvent>();
        using var http = CoreTest.Http(handler, time, o => o.MaxRetries = 1);

        TestItem item;
        using (BloomyRequestScope.Begin(e => { lock (events) { events.Add(e); } }))
        {
            item = await time.Drive(http.SendAsync(HttpMethod.Post, "todo/create", new TestBody { Title = "x" }, Json.TestBody, Json.TestItem, CancellationToken.None));
        }

        Assert.Equal(9, item.Id);
        Assert.Equal(7, handler.Calls);
        var retries = events.Where(e => e.Kind == BloomyRequestEventKind.RetryScheduled).ToList();
        Assert.Equal(6, retries.Count);
        Assert.Equal("POST todo/create → 429; retry 6 in 1 s (rate limited)", retries[5].ToString());
    }

    [Fact]
    public async Task MaxRetriesZeroDoesNotRetry429()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.Add("Retry-After", "1"));
        using var http = CoreTest.Http(handler, time, o => o.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => http.SendVoidAsync(HttpMethod.Post, "todo/create", CancellationToken.None));

        Assert.Equal(1, handler.Calls);
        Assert.Equal(429, ex.StatusCode);
        Assert.DoesNotContain("limit on rate-limit waits", ex.Message);
    }

    [Theory]
    [InlineData(429, "0")]
    [InlineData(429, "-5")]
    [InlineData(429, "past")]
    [InlineData(503, "0")]
    [InlineData(503, "past")]
    public async Task RetryAfterOfZeroNegativeOrPastGetsTheNormalBackoff(int status, string retryAfter)
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time);
        void Refuse(HttpResponseMessage r)
        {
            if (retryAfter == "past")
            {
                r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddMinutes(-1));
            }
            else
            {
                r.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }
        }
        for (var i = 0; i < 3; i++)
        {
            handler.Enqueue((_, _) => Task.FromResult(FakeHandler.Response((HttpStatusCode)status, null, Refuse)));
        }
        handler.Respond(HttpStatusCode.OK, "{\"Id\":1}");
        using var http = CoreTest.Http(handler, time);

        await time.Drive(http.GetAsync("users/mine", Json.TestItem, CancellationToken.None));

        // RetryBaseDelay is 1 s with the jitter at its midpoint: 1 s, 2 s, 4 s, never an immediate retry.
        Assert.Equal(4, handler.Calls);
        var at = handler.Requests.Select(r => r.At).ToList();
        Assert.True(at[1] - at[0] >= TimeSpan.FromSeconds(1), $"first retry after {at[1] - at[0]}");
        Assert.True(at[2] - at[1] >= TimeSpan.FromSeconds(2), $"second retry after {at[2] - at[1]}");
        Assert.True(at[3] - at[2] >= TimeSpan.FromSeconds(4), $"third retry after {at[3] - at[2]}");
    }

    [Fact]
    public async Task After429sFewerRequestsGoOutAtOnceWhenThePauseEnds()
    {
        var time = CoreTest.NewTime();
        var calls = 0;
        var inFlightLater = 0;
        var peakLater = 0;
        var firstRound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeHandler(time)
        {
            Fallback = async (_, ct) =>
            {
                var n = Interlocked.Increment(ref calls);
                if (n <= 8)
                {
                    // All eight arrive together and are refused together.
                    if (n == 8) firstRound.TrySetResult();
                    await firstRound.Task.WaitAsync(ct);
                    return FakeHandler.Response(HttpStatusCode.TooManyRequests, null, r => r.Headers.Add("Retry-After", "1"));
                }
                var now = Interlocked.Increment(ref inFlightLater);
                int peak;
                while (now > (peak = Volatile.Read(ref peakLater)) && Interlocked.CompareExchange(ref peakLater, now, peak) != peak)
                {
                }
                await Task.Delay(20, ct);
                Interlocked.Decrement(ref inFlightLater);
                return FakeHandler.Response(HttpStatusCode.OK, "{\"Id\":1}");
            },
        };
        using var http = CoreTest.Http(handler, time, o => o.MaxConcurrentRequests = 8);

        var all = Task.WhenAll(Enumerable.Range(0, 8).Select(i => http.GetAsync($"users/{i + 1}", Json.TestItem, CancellationToken.None)));
        await time.Drive(all, TimeSpan.FromMilliseconds(250));

        // One burst of 429s halves the window once (8 → 4), not eight times, and the pause's end releases 4.
        Assert.Equal(16, calls);
        Assert.True(peakLater <= 4, $"{peakLater} requests went out at once after the pause");
        Assert.True(peakLater >= 2, $"the window collapsed to {peakLater}");
        Assert.True(http.Admission.Concurrency.Limit is >= 4 and <= 8);
    }

    [Fact]
    public async Task DeleteAnswered404AfterALostAnswerIsDone()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Throw(new HttpRequestException("The response ended prematurely.", new IOException("connection reset")))
            .Respond(HttpStatusCode.NotFound, "{\"Message\":\"No such headline\"}");
        var events = new List<BloomyRequestEvent>();
        using var http = CoreTest.Http(handler, time);

        using (BloomyRequestScope.Begin(e => { lock (events) { events.Add(e); } }))
        {
            await time.Drive(http.SendVoidAsync(HttpMethod.Delete, "headline/8001", CancellationToken.None));
        }

        Assert.Equal(2, handler.Calls);
        var done = Assert.Single(events, e => e.Kind == BloomyRequestEventKind.AlreadyDone);
        Assert.Equal("DELETE headline/8001 → 404 on attempt 2: an earlier attempt that may have reached the server already deleted it; counted as deleted", done.ToString());
    }

    [Theory]
    [InlineData("first")]
    [InlineData("after429")]
    [InlineData("afterRefused")]
    public async Task DeleteAnswered404WhenNothingCouldHaveDeletedItIsNotFound(string history)
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time);
        if (history == "after429")
        {
            handler.Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.Add("Retry-After", "1"));
        }
        else if (history == "afterRefused")
        {
            handler.Throw(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        }
        handler.Respond(HttpStatusCode.NotFound, "{\"Message\":\"No such headline\"}");
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
            time.Drive(http.SendVoidAsync(HttpMethod.Delete, "headline/8001", CancellationToken.None)));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal(history == "first" ? 1 : 2, handler.Calls);
    }

    [Fact]
    public async Task A429PausesOtherRequestsOfTheSameClient()
    {
        var time = CoreTest.NewTime();
        var start = time.GetUtcNow();
        var handler = new FakeHandler(time)
            .Respond(HttpStatusCode.TooManyRequests, null, r => r.Headers.Add("Retry-After", "10"));
        var events = new List<BloomyRequestEvent>();
        using var http = CoreTest.Http(handler, time);
        using var scope = BloomyRequestScope.Begin(e => { lock (events) { events.Add(e); } });

        var first = http.GetAsync("users/mine", Json.TestItem, CancellationToken.None);
        await CoreTest.WaitUntil(() => { lock (events) { return events.Any(e => e.Kind == BloomyRequestEventKind.RetryScheduled); } });
        var second = http.GetAsync("todo/user/1001", Json.TestItem, CancellationToken.None);
        await CoreTest.WaitUntil(() => { lock (events) { return events.Any(e => e.Kind == BloomyRequestEventKind.RateLimitPause); } });

        // The second request has not reached the server while the pause lasts.
        Assert.Equal(1, handler.Calls);
        await time.Drive(Task.WhenAll(first, second));

        var secondArrival = handler.Requests.First(r => r.Uri.AbsolutePath.EndsWith("/todo/user/1001", StringComparison.Ordinal)).At;
        Assert.True(secondArrival >= start + TimeSpan.FromSeconds(10), $"second request sent at +{secondArrival - start}");
        BloomyRequestEvent pause;
        lock (events)
        {
            pause = events.First(e => e.Kind == BloomyRequestEventKind.RateLimitPause);
        }
        Assert.Equal("todo/user/1001", pause.Path);
        Assert.Equal(TimeSpan.FromSeconds(10), pause.Delay);
    }

    [Fact]
    public async Task PerAttemptTimeoutIsRetriedForGetAndReported()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
        {
            Fallback = async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return FakeHandler.Response(HttpStatusCode.OK);
            },
        };
        using var http = CoreTest.Http(handler, time, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(30);
            o.MaxRetries = 2;
            o.TotalTimeout = TimeSpan.FromMinutes(10);
        });

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
            time.Drive(http.GetAsync("users/mine", Json.TestItem, CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal(BloomyFailureKind.Timeout, ex.Kind);
        Assert.Equal(3, handler.Calls);
        Assert.Equal(2, ex.RetryCount);
        Assert.Equal("GET users/mine timed out after 30 s (3 attempts).", ex.Message);
        Assert.IsType<TimeoutRejectedException>(ex.InnerException);
    }

    [Fact]
    public async Task TotalTimeoutBoundsTheWholeOperation()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time) { Fallback = (_, _) => Task.FromResult(FakeHandler.Response(HttpStatusCode.ServiceUnavailable)) };
        using var http = CoreTest.Http(handler, time, o =>
        {
            o.TotalTimeout = TimeSpan.FromSeconds(5);
            o.RetryBaseDelay = TimeSpan.FromSeconds(2);
            o.MaxRetries = 10;
        });

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
            time.Drive(http.GetAsync("users/mine", Json.TestItem, CancellationToken.None), TimeSpan.FromMilliseconds(250)));

        Assert.Equal(BloomyFailureKind.Timeout, ex.Kind);
        Assert.StartsWith("GET users/mine did not finish within the total timeout of 5 s", ex.Message);
        Assert.Equal(2, handler.Calls); // 0 s, then +2 s; the next retry would be at +6 s
    }

    [Fact]
    public async Task PostTransportFailureIsOutcomeUnknownAndSentOnce()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Throw(new HttpRequestException("The response ended prematurely.", new IOException("connection reset")));
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => time.Drive(
            http.SendAsync(HttpMethod.Post, "todo/create", new TestBody { Title = "x" }, Json.TestBody, Json.TestItem, CancellationToken.None)));

        Assert.Equal(BloomyFailureKind.OutcomeUnknown, ex.Kind);
        Assert.Equal(1, handler.Calls);
        Assert.Contains("the item may or may not have been created or changed; check before retrying", ex.Message);
        Assert.StartsWith("POST todo/create failed", ex.Message);
    }

    [Fact]
    public async Task PostAttemptTimeoutIsOutcomeUnknownAndSentOnce()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
        {
            Fallback = async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return FakeHandler.Response(HttpStatusCode.OK);
            },
        };
        using var http = CoreTest.Http(handler, time, o => o.Timeout = TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
            time.Drive(http.SendVoidAsync(HttpMethod.Post, "L10/create", CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal(BloomyFailureKind.OutcomeUnknown, ex.Kind);
        Assert.Equal(1, handler.Calls);
        Assert.StartsWith("POST L10/create timed out after 30 s", ex.Message);
    }

    [Fact]
    public async Task PostConnectionRefusedIsTransportNotUnknown()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Throw(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => http.SendVoidAsync(HttpMethod.Post, "todo/create", CancellationToken.None));

        Assert.Equal(BloomyFailureKind.Transport, ex.Kind);
        Assert.Equal(1, handler.Calls);
        Assert.Contains("The request was not sent.", ex.Message);
    }

    [Fact]
    public async Task GetTransportFailureIsRetriedThenTransport()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time) { Fallback = (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection reset by peer")) };
        using var http = CoreTest.Http(handler, time, o => o.MaxRetries = 2);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
            time.Drive(http.GetAsync("users/mine", Json.TestItem, CancellationToken.None)));

        Assert.Equal(BloomyFailureKind.Transport, ex.Kind);
        Assert.Equal(3, handler.Calls);
        Assert.Equal(2, ex.RetryCount);
        Assert.Contains("Connection reset by peer", ex.Message);
    }

    [Fact]
    public async Task ConcurrencyIsCappedPerClient()
    {
        var time = CoreTest.NewTime();
        var release = new SemaphoreSlim(0);
        var handler = new FakeHandler(time)
        {
            Fallback = async (_, ct) =>
            {
                await release.WaitAsync(ct);
                return FakeHandler.Response(HttpStatusCode.OK, "{\"Id\":1}");
            },
        };
        using var http = CoreTest.Http(handler, time, o => o.MaxConcurrentRequests = 2);

        var calls = Enumerable.Range(0, 5).Select(i => http.GetAsync($"users/{i + 1}", Json.TestItem, CancellationToken.None)).ToList();
        await CoreTest.WaitUntil(() => handler.Calls == 2);
        await Task.Delay(50);
        Assert.Equal(2, handler.Calls);
        for (var i = 0; i < 5; i++)
        {
            release.Release();
        }
        await Task.WhenAll(calls);

        Assert.Equal(5, handler.Calls);
        Assert.Equal(2, handler.Peak);
    }

    [Fact]
    public async Task CallerCancellationIsNotWrapped()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
        {
            Fallback = async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return FakeHandler.Response(HttpStatusCode.OK);
            },
        };
        using var http = CoreTest.Http(handler, time);
        using var cts = new CancellationTokenSource();

        var call = http.GetAsync("users/mine", Json.TestItem, cts.Token);
        await CoreTest.WaitUntil(() => handler.Calls == 1);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task AlreadyCancelledTokenSendsNothing()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time);
        using var http = CoreTest.Http(handler, time);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.GetAsync("users/mine", Json.TestItem, new CancellationToken(true)));
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public void PipelineIsTotalTimeoutThenRetryThenGateThenAttemptTimeout()
    {
        var time = CoreTest.NewTime();
        using var http = CoreTest.Http(new FakeHandler(time), time, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(12);
            o.TotalTimeout = TimeSpan.FromSeconds(90);
            o.MaxRetries = 4;
        });

        var descriptor = http.Pipeline.GetPipelineDescriptor();
        Assert.Collection(descriptor.Strategies,
            s => Assert.Equal(TimeSpan.FromSeconds(90), Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout),
            s => Assert.Equal(4, Assert.IsType<RetryStrategyOptions<AttemptResult>>(s.Options).MaxRetryAttempts),
            s => Assert.IsType<AttemptGateStrategyOptions>(s.Options),
            s => Assert.Equal(TimeSpan.FromSeconds(12), Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout));
    }

    [Fact]
    public void NoRetryStrategyWhenMaxRetriesIsZero()
    {
        var time = CoreTest.NewTime();
        using var http = CoreTest.Http(new FakeHandler(time), time, o => o.MaxRetries = 0);

        var descriptor = http.Pipeline.GetPipelineDescriptor();
        Assert.DoesNotContain(descriptor.Strategies, s => s.Options is RetryStrategyOptions<AttemptResult>);
        Assert.Equal(3, descriptor.Strategies.Count);
    }
}
