using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bloomy.Emulator;

/// <summary>/_emulator/* control routes (not recorded, no auth, no latency, no faults).</summary>
internal static class ControlEndpoints
{
    internal static void Map(WebApplication app, BloomEmulator e)
    {
        app.MapGet("/_emulator/health", () => Results.Json(new { Status = "ok", BaseUri = e.BaseUri.ToString() }, Json.Out));
        app.MapGet("/_emulator/stats", () => Results.Json(Stats(e), Json.Out));
        app.MapGet("/_emulator/requests", () => Results.Json(e.Stats.Requests, Json.Out));
        app.MapPost("/_emulator/reset", () =>
        {
            e.Stats.Reset();
            e.Faults.Reset();
            e.GraphQLStats.Reset();
            e.GraphQLSettings.Reset();
            return Results.Json(new { Reset = true }, Json.Out);
        });
        app.MapPut("/_emulator/token-lifetime", async (HttpContext ctx) =>
        {
            // {"seconds": 2, "announce": true, "expireAll": false}: the lifetime of tokens issued from now on (tokens
            // already issued keep theirs), whether /Token says it, and whether every token issued so far ends now.
            using var ms = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(ms, ctx.RequestAborted);
            double? seconds = null;
            bool? announce = null, expireAll = null;
            try
            {
                if (ms.Length > 0)
                {
                    using var doc = JsonDocument.Parse(ms.ToArray());
                    seconds = Json.Double(doc.RootElement, "seconds");
                    announce = Json.Bool(doc.RootElement, "announce");
                    expireAll = Json.Bool(doc.RootElement, "expireAll");
                }
            }
            catch (JsonException ex) { return Results.Json(new { Message = ex.Message }, Json.Out, statusCode: 400); }
            if (seconds is <= 0 || (seconds is null && announce is null && expireAll is null))
                return Results.Json(new { Message = "A JSON body {\"seconds\": <positive number>, \"announce\": <bool>, \"expireAll\": <bool>} is required." }, Json.Out, statusCode: 400);
            if (seconds is { } s) e.Tokens.Lifetime = TimeSpan.FromSeconds(s);
            if (announce is { } a) e.Tokens.AnnounceLifetime = a;
            if (expireAll is true) e.Tokens.ExpireAll(DateTimeOffset.UtcNow);
            return Results.Json(new { TokenLifetimeSeconds = e.Tokens.Lifetime.TotalSeconds, AnnounceLifetime = e.Tokens.AnnounceLifetime }, Json.Out);
        });
        app.MapGet("/_emulator/graphql/requests", () => Results.Json(new
        {
            RootFields = e.GraphQLStats.RootFieldCounts, Requests = e.GraphQLStats.Requests, Settings = e.GraphQLSettings.Describe(),
        }, Json.Out));
        app.MapGet("/_emulator/graphql", () => Results.Json(e.GraphQLSettings.Describe(), Json.Out));
        app.MapPut("/_emulator/graphql", async (HttpContext ctx) =>
        {
            // {"defaultPageSize": 3, "maxPageSize": 50, "unbounded": false, "legacyUserIdScalar": false,
            //  "createNoteFails": false, "mediaType": "json" | "graphql-response" | "<any media type>"}
            using var ms = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(ms, ctx.RequestAborted);
            try
            {
                using var doc = JsonDocument.Parse(ms.Length == 0 ? "{}"u8.ToArray() : ms.ToArray());
                if (e.GraphQLSettings.ApplyJson(doc.RootElement) is { } error)
                    return Results.Json(new { Message = error }, Json.Out, statusCode: 400);
            }
            catch (JsonException ex) { return Results.Json(new { Message = ex.Message }, Json.Out, statusCode: 400); }
            return Results.Json(e.GraphQLSettings.Describe(), Json.Out);
        });
        app.MapPut("/_emulator/faults", async (HttpContext ctx) =>
        {
            using var ms = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(ms, ctx.RequestAborted);
            if (ms.Length == 0) return Results.Json(new { Message = "A JSON body is required." }, Json.Out, statusCode: 400);
            JsonDocument doc;
            try { doc = JsonDocument.Parse(ms.ToArray()); }
            catch (JsonException ex) { return Results.Json(new { Message = ex.Message }, Json.Out, statusCode: 400); }
            using (doc)
            {
                var root = doc.RootElement;
                var error = e.Faults.ApplyJson(root);
                if (error is not null) return Results.Json(new { Message = error }, Json.Out, statusCode: 400);
                if (Json.Double(root, "latencyMs") is { } lat) e.Latency = TimeSpan.FromMilliseconds(lat);
                if (Json.Double(root, "jitterMs") is { } jit) e.LatencyJitter = TimeSpan.FromMilliseconds(jit);
                if (Json.Bool(root, "recordBodies") is { } rb) e.Stats.RecordBodies = rb;
            }
            return Results.Json(new { Faults = e.Faults.Describe(), LatencyMs = e.Latency.TotalMilliseconds, JitterMs = e.LatencyJitter.TotalMilliseconds }, Json.Out);
        });
    }

    private static object Stats(BloomEmulator e)
    {
        var s = e.Stats;
        var routes = s.Requests.Where(r => r.RouteTemplate is not null)
            .GroupBy(r => r.RouteTemplate!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        return new
        {
            s.TotalRequests, s.InFlight, s.PeakInFlight, s.DroppedAfterAction, s.DroppedBeforeAction,
            Created = s.Created, Routes = routes, Faults = e.Faults.Describe(),
            LatencyMs = e.Latency.TotalMilliseconds, JitterMs = e.LatencyJitter.TotalMilliseconds,
            TokenLifetimeSeconds = e.Tokens.Lifetime.TotalSeconds, s.TokenExchanges, s.RefusedTokenExchanges,
            s.ExpiredTokenRejections, s.ExpiredTokenRequestsAfterRejection,
        };
    }
}
