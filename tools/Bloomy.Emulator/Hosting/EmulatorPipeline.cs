using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bloomy.Emulator;

/// <summary>The middleware that runs every /api/v1/* and /Token request: stats, latency, auth, faults, handler, spoiling.</summary>
internal sealed class EmulatorPipeline(BloomEmulator emulator)
{
    private static readonly byte[] UnauthorizedBody = Json.Bytes(new { Message = "Authorization has been denied for this request." });

    // What the web application serves for a path it does not know: its single-page app, with 200.
    private static readonly byte[] WebAppPage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bloom Growth</title></head>" +
        "<body><div id=\"root\"></div><script src=\"/static/js/main.js\"></script></body></html>\n");

    internal static bool IsApiPath(PathString path)
    {
        var p = path.Value;
        if (p is null) return false;
        return p.StartsWith("/api/v1/", StringComparison.OrdinalIgnoreCase)
            || p.Equals("/api/v1", StringComparison.OrdinalIgnoreCase)
            || p.Equals("/Token", StringComparison.OrdinalIgnoreCase)
            || p.Equals("/Token/", StringComparison.OrdinalIgnoreCase)
            || p.Equals("/graphql", StringComparison.OrdinalIgnoreCase)
            || p.Equals("/graphql/", StringComparison.OrdinalIgnoreCase);
    }

    internal async Task InvokeAsync(HttpContext ctx, RequestDelegate next)
    {
        if (!IsApiPath(ctx.Request.Path))
        {
            await next(ctx);
            return;
        }

        long start = Stopwatch.GetTimestamp();
        var startedAt = DateTimeOffset.UtcNow;
        var stats = emulator.Stats;
        var faults = emulator.Faults;
        stats.Enter();
        bool exited = false;
        try
        {
            var req = ctx.Request;
            var endpoint = ctx.GetEndpoint();
            var route = endpoint?.Metadata.GetMetadata<ApiRoute>();
            byte[] body = await ReadBodyAsync(req, ctx.RequestAborted);

            string rawTarget = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (req.Path.Value + req.QueryString.Value);
            int q = rawTarget.IndexOf('?');
            string rawPath = q >= 0 ? rawTarget[..q] : rawTarget;
            string relative = RouteKey.StripPrefix(rawPath);
            string method = req.Method;
            var target = new EmulatorFaults.Target(method, route?.Key ?? new RouteKey.Key(method, "\0"), relative.ToLowerInvariant());

            // The token is checked when the request arrives, as a server does; the latency stands for the rest of the
            // round trip. A refusal for an expired token is counted when it is answered, after the latency.
            long caller = 0;
            EmulatorTokens.Issued? expiredToken = null;
            bool authorized = route is not null && Authorize(req, route, out caller, out expiredToken);

            // Latency (+ Slow faults), measured from the start of the request.
            var delay = emulator.NextLatency() + faults.SlowDelay(target);
            if (delay > TimeSpan.Zero)
            {
                long deadline = start + (long)(delay.TotalSeconds * Stopwatch.Frequency);
                await PreciseDelay.UntilAsync(deadline);
            }

            ApiResult result;
            string? fault = null;
            string? retryAfter = null;
            if (route is null)
            {
                result = endpoint is not null ? ApiResult.Error(405, "The requested resource does not support http method '" + method + "'.")
                    : HttpMethods.IsGet(method) && emulator.HtmlForUnknownGets && relative.Length > 0 && !relative.Equals("Token", StringComparison.OrdinalIgnoreCase)
                        ? new ApiResult(200, WebAppPage, "text/html; charset=utf-8")
                        : ApiResult.NotFound("Resource");
            }
            else if (!authorized)
            {
                if (expiredToken is not null)
                    emulator.Stats.CountExpiredToken(emulator.Tokens.Reject(expiredToken, startedAt, DateTimeOffset.UtcNow));
                result = new ApiResult(401, UnauthorizedBody, ApiResult.JsonType);
            }
            else
            {
                var decision = faults.BeforeAction(target);
                if (decision is { Drop: true })
                {
                    stats.CountDrop(DropTiming.BeforeAction);
                    Record(ctx, route, rawPath, relative, body, 0, DropTiming.BeforeAction, decision.Value.Fault, startedAt, start);
                    stats.Exit();
                    exited = true;
                    ctx.Abort();
                    return;
                }
                if (decision is { } d)
                {
                    result = ApiResult.Error(d.StatusCode, d.StatusCode == 429 ? "Too many requests." : "Injected failure.");
                    retryAfter = d.RetryAfter;
                    fault = d.Fault;
                }
                else
                {
                    result = Execute(ctx, route, caller, body);
                    if (faults.DropAfterAction(target))
                    {
                        stats.CountDrop(DropTiming.AfterAction);
                        Record(ctx, route, rawPath, relative, body, 0, DropTiming.AfterAction, "Drop:AfterAction", startedAt, start);
                        stats.Exit();
                        exited = true;
                        ctx.Abort();
                        return;
                    }
                    if (result.Status == 200 && (result.Body.Length > 0 ? faults.MalformedFor(target) : faults.HtmlForVoid(target)) is { } kind)
                    {
                        result = Spoil(result, kind);
                        fault = "Malformed:" + kind;
                    }
                }
            }

            Record(ctx, route, rawPath, relative, body, result.Status, null, fault, startedAt, start);
            stats.Exit();
            exited = true;

            var resp = ctx.Response;
            resp.StatusCode = result.Status;
            if (retryAfter is not null) resp.Headers.RetryAfter = retryAfter;
            if (result.ContentType is not null) resp.ContentType = result.ContentType;
            resp.ContentLength = result.Body.Length;
            if (result.Body.Length > 0) await resp.Body.WriteAsync(result.Body, ctx.RequestAborted);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // client went away
        }
        finally
        {
            if (!exited) stats.Exit();
        }
    }

    private ApiResult Execute(HttpContext ctx, ApiRoute route, long caller, byte[] body)
    {
        string text = body.Length == 0 ? "" : Encoding.UTF8.GetString(body);
        JsonDocument? doc = null;
        try
        {
            if (!route.Anonymous && !route.RawBody && text.Length > 0 && !string.IsNullOrWhiteSpace(text))
            {
                try { doc = JsonDocument.Parse(body); }
                catch (JsonException) { return ApiResult.BadRequest("The request body is not valid JSON."); }
            }
            var request = new ApiRequest(ctx, emulator, caller, doc?.RootElement, text);
            if (route.LocksStoreItself)
                return Run(route, request);
            lock (emulator.Store.Sync)
                return Run(route, request);
        }
        finally
        {
            doc?.Dispose();
        }
    }

    private static ApiResult Run(ApiRoute route, ApiRequest request)
    {
        try { return route.Handler(request); }
        catch (ApiError e) { return e.Result; }
        catch (FormatException e) { return ApiResult.BadRequest(e.Message); }
        catch (InvalidOperationException e) { return ApiResult.BadRequest(e.Message); }
    }

    private bool Authorize(HttpRequest req, ApiRoute route, out long caller, out EmulatorTokens.Issued? expiredToken)
    {
        caller = 0;
        expiredToken = null;
        if (route.Anonymous) return true;
        var h = req.Headers.Authorization.ToString();
        if (h.Length < 8 || !h.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var key = h[7..].Trim();
        if (key.Length == 0) return false;
        var id = emulator.Store.UserForApiKey(key);
        if (id is not null)
        {
            caller = id.Value;
            return true;
        }
        if (emulator.Tokens.Find(key) is not { } token) return false;
        if (DateTimeOffset.UtcNow >= token.ExpiresAt)
        {
            expiredToken = token;
            return false;
        }
        caller = token.UserId;
        return true;
    }

    private void Record(HttpContext ctx, ApiRoute? route, string rawPath, string relative, byte[] body, int status,
        DropTiming? dropped, string? fault, DateTimeOffset startedAt, long start)
    {
        var stats = emulator.Stats;
        if (!stats.RecordRequests) return;
        var req = ctx.Request;
        var qs = req.QueryString.Value;
        stats.Record(new EmulatorRequest
        {
            Method = req.Method,
            Path = rawPath,
            RelativePath = relative,
            Query = string.IsNullOrEmpty(qs) ? "" : qs[0] == '?' ? qs[1..] : qs,
            Body = stats.RecordBodies ? (body.Length == 0 ? "" : Encoding.UTF8.GetString(body)) : null,
            ContentType = req.ContentType,
            Authorization = req.Headers.Authorization.Count == 0 ? null : req.Headers.Authorization.ToString(),
            StatusCode = status,
            RouteTemplate = route?.RouteTemplate,
            Dropped = dropped,
            Fault = fault,
            StartedAt = startedAt,
            Elapsed = Stopwatch.GetElapsedTime(start),
        });
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest req, CancellationToken ct)
    {
        if (req.ContentLength == 0) return ApiResult.NoBody;
        if (req.ContentLength is null && (HttpMethods.IsGet(req.Method) || HttpMethods.IsDelete(req.Method) || HttpMethods.IsHead(req.Method))
            && !req.Headers.TransferEncoding.Any())
            return ApiResult.NoBody;
        using var ms = new MemoryStream(req.ContentLength is { } n and < 1_000_000 ? (int)n : 256);
        await req.Body.CopyToAsync(ms, ct);
        return ms.Length == 0 ? ApiResult.NoBody : ms.ToArray();
    }

    internal static ApiResult Spoil(ApiResult ok, MalformedKind kind)
    {
        switch (kind)
        {
            case MalformedKind.Html:
                return new ApiResult(200, Encoding.UTF8.GetBytes(
                    "<!DOCTYPE html><html><head><title>Bloom Growth - Error</title></head><body><h1>Something went wrong</h1><p>Please try again later.</p></body></html>"),
                    "text/html; charset=utf-8");
            case MalformedKind.Empty:
                return new ApiResult(200, ApiResult.NoBody, ApiResult.JsonType);
            case MalformedKind.Truncated:
                return new ApiResult(200, ok.Body[..Math.Max(1, ok.Body.Length / 2)], ApiResult.JsonType);
            case MalformedKind.MissingField:
                var node = JsonNode.Parse(ok.Body);
                if (node is JsonObject o) DropId(o);
                else if (node is JsonArray a)
                    foreach (var item in a)
                        if (item is JsonObject io) DropId(io);
                return new ApiResult(200, Encoding.UTF8.GetBytes(node?.ToJsonString(Json.Out) ?? "null"), ApiResult.JsonType);
            default:
                return new ApiResult(200, "{\"Id\": 1, \"Name\": not json"u8.ToArray(), ApiResult.JsonType);
        }
    }

    private static void DropId(JsonObject o)
    {
        if (!o.Remove("Id") && o.Count > 0) o.Remove(o.First().Key);
    }
}
