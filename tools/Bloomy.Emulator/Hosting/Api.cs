using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bloomy.Emulator;

/// <summary>What a handler returns; written by the pipeline (which may spoil it for fault injection).</summary>
internal readonly record struct ApiResult(int Status, byte[] Body, string? ContentType)
{
    internal const string JsonType = "application/json; charset=utf-8";
    internal static readonly byte[] NoBody = [];

    internal static ApiResult Ok(object value) => new(200, Json.Bytes(value), JsonType);
    internal static ApiResult Void() => new(200, NoBody, null);
    internal static ApiResult Error(int status, string message) => new(status, Json.Bytes(new { Message = message }), JsonType);
    internal static ApiResult NotFound(string what) => Error(404, what + " not found.");
    internal static ApiResult BadRequest(string message) => Error(400, message);
}

internal delegate ApiResult ApiHandler(ApiRequest request);

/// <summary>Endpoint metadata: the handler and its normalised template.</summary>
internal sealed class ApiRoute
{
    internal ApiRoute(string method, string template, ApiHandler handler, bool anonymous)
    {
        Method = method;
        Template = template;
        Handler = handler;
        Anonymous = anonymous;
        RouteTemplate = method + " " + template.ToLowerInvariant();
        Key = RouteKey.Normalize(method, template);
    }

    internal string Method { get; }
    internal string Template { get; }
    internal ApiHandler Handler { get; }
    internal bool Anonymous { get; }
    /// <summary>The handler parses the body itself (GraphQL answers its own error shape for a body that is not JSON).</summary>
    internal bool RawBody { get; init; }
    /// <summary>
    /// The handler takes <see cref="EmulatorStore.Sync"/> itself, only around what reads or changes state (GraphQL:
    /// parsing, validating and serialising need no lock, and holding it there would queue concurrent requests).
    /// </summary>
    internal bool LocksStoreItself { get; init; }
    /// <summary>"GET todo/user/{id}" (lower case).</summary>
    internal string RouteTemplate { get; }
    internal RouteKey.Key Key { get; }
}

/// <summary>Thrown by handlers to answer with an error.</summary>
internal sealed class ApiError(ApiResult result) : Exception(result.Status.ToString(CultureInfo.InvariantCulture))
{
    internal ApiResult Result { get; } = result;
}

/// <summary>The request as a handler sees it. Handlers run under the store lock and must not block.</summary>
internal sealed class ApiRequest
{
    internal ApiRequest(HttpContext http, BloomEmulator emulator, long callerId, JsonElement? body, string bodyText)
    {
        Http = http;
        Emulator = emulator;
        CallerId = callerId;
        Body = body;
        BodyText = bodyText;
    }

    internal HttpContext Http { get; }
    internal BloomEmulator Emulator { get; }
    internal EmulatorStore Store => Emulator.Store;
    internal long CallerId { get; }
    /// <summary>The parsed JSON body; null when there is none.</summary>
    internal JsonElement? Body { get; }
    internal string BodyText { get; }
    internal DateTime Now => DateTime.UtcNow;

    internal string Route(string name) => Http.Request.RouteValues[name]?.ToString() ?? "";

    /// <summary>A query value by name (case-insensitive); null when absent.</summary>
    internal string? Query(string name) => Http.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;

    internal bool QueryBool(string name, bool fallback = false)
    {
        var v = Query(name);
        if (string.IsNullOrWhiteSpace(v)) return fallback;
        if (bool.TryParse(v, out var b)) return b;
        return v == "1" || fallback;
    }

    /// <summary>A numeric id from the route (404 when not a number).</summary>
    internal long Id(string name = "id", string what = "Object")
    {
        var raw = Route(name);
        if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) return id;
        throw new ApiError(ApiResult.NotFound(what));
    }

    /// <summary>A user id from the route: "mine" = the caller; must be a known user (404 otherwise).</summary>
    internal EmulatorUser User(string name = "id")
    {
        var raw = Route(name);
        long id;
        if (string.Equals(raw, "mine", StringComparison.OrdinalIgnoreCase)) id = CallerId;
        else if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out id)) throw new ApiError(ApiResult.NotFound("User"));
        return Store.UserMap.GetValueOrDefault(id) ?? throw new ApiError(ApiResult.NotFound("User"));
    }

    internal EmulatorMeeting Meeting(string name = "id")
    {
        var id = Id(name, "Meeting");
        return Store.MeetingMap.GetValueOrDefault(id) ?? throw new ApiError(ApiResult.NotFound("Meeting"));
    }

    /// <summary>Owner id from the body: 0/null/missing → caller; unknown → 400.</summary>
    internal long OwnerFromBody(params string[] names)
    {
        var v = Json.Long(Body, names);
        if (v is null or 0) return CallerId;
        if (!Store.UserMap.ContainsKey(v.Value)) throw new ApiError(ApiResult.BadRequest($"User {v.Value} does not exist."));
        return v.Value;
    }

    internal string RequiredTitle(params string[] names)
    {
        var t = Json.Str(Body, names.Length == 0 ? ["title"] : names);
        if (t is null) throw new ApiError(ApiResult.BadRequest("A title is required."));
        return t;
    }

    internal void Created(EmulatorEntityKind kind) => Emulator.Stats.CountCreated(kind);
}
