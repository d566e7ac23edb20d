using System.Management.Automation;
using Bloomy.Client;

namespace Bloomy.Cmdlets.Pipeline;

/// <summary>
/// Turns client exceptions into error records with stable ids (<c>Bloomy.NotFound</c>,
/// <c>Bloomy.RateLimited</c>…), the matching category, and the input item as target.
/// </summary>
internal static class BloomyErrorRecords
{
    /// <summary>The record for one failed pipeline item, its message naming the item.</summary>
    public static ErrorRecord ForItem(Exception exception, object? target, string label)
    {
        var (errorId, category) = Classify(exception);
        if (exception is ChangeAppliedException)
        {
            // Its message names the item and says the change was made.
            return new ErrorRecord(exception, errorId, category, target) { ErrorDetails = new ErrorDetails(exception.Message) };
        }
        if (exception is PartlyAppliedException { InnerException: { } failed })
        {
            // Its message names the item and says which part was applied; the id is the failed part's.
            var (partId, partCategory) = Classify(failed);
            return new ErrorRecord(exception, partId, partCategory, target) { ErrorDetails = new ErrorDetails(exception.Message) };
        }
        if (exception is ObjectDisposedException)
        {
            // The connection's client was disposed under the running command: one clear terminating record, not
            // one "disposed object" per remaining item.
            return ForCommand(new InvalidOperationException(
                "The connection was closed by Disconnect-Bloomy while this command was running; the items not yet done were not sent. Connect again with Connect-Bloomy.",
                exception), target);
        }
        return new ErrorRecord(exception, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails($"{label}: {exception.Message}") { RecommendedAction = RecommendedAction(errorId) },
        };
    }

    /// <summary>The record for a failure that is not tied to one input item (connecting, configuration).</summary>
    public static ErrorRecord ForCommand(Exception exception, object? target = null)
    {
        var (errorId, category) = Classify(exception);
        return new ErrorRecord(exception, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = RecommendedAction(errorId) },
        };
    }

    private static string? RecommendedAction(string errorId) => errorId switch
    {
        "Bloomy.Authentication" => "Check the API key (or user name and password), then run Connect-Bloomy again.",
        "Bloomy.Configuration" => "Run Connect-Bloomy -ApiKey <key> (or -Credential), set the BG_API_KEY environment variable, or save a key in ~/.bloomy/config.yaml.",
        "Bloomy.RateLimited" => "Lower -ThrottleLimit, raise Connect-Bloomy -MaxRetries, or try again later.",
        "Bloomy.OutcomeUnknown" => "Check whether the item exists before sending it again.",
        "Bloomy.Timeout" => "Try again, or raise Connect-Bloomy -TimeoutSec.",
        "Bloomy.NotFound" => "Check the id; the object may have been deleted or may not be visible to you.",
        "Bloomy.Forbidden" => "Ask an administrator for access to this object.",
        "Bloomy.Disconnected" => "Run Connect-Bloomy, then run the command again for the items not done.",
        _ => null,
    };

    /// <summary>
    /// Nothing after a rejected key or a missing configuration could succeed, so those stop the pipeline;
    /// a 403 concerns one object and does not.
    /// </summary>
    public static bool IsTerminating(Exception exception) => exception switch
    {
        BloomyAuthenticationException auth => auth.StatusCode != 403,
        BloomyConfigurationException => true,
        ObjectDisposedException => true,
        _ => false,
    };

    internal static (string ErrorId, ErrorCategory Category) Classify(Exception exception) => exception switch
    {
        BloomyAuthenticationException { StatusCode: 403 } => ("Bloomy.Forbidden", ErrorCategory.PermissionDenied),
        BloomyAuthenticationException => ("Bloomy.Authentication", ErrorCategory.AuthenticationError),
        BloomyConfigurationException => ("Bloomy.Configuration", ErrorCategory.InvalidOperation),
        // GraphQL answers an unknown id with null and HTTP 200: the client names the item in this exception.
        BloomyNotFoundException => ("Bloomy.NotFound", ErrorCategory.ObjectNotFound),
        // GraphQL reports a refusal with HTTP 200, as success:false FORBIDDEN or a PermissionsException error.
        BloomyGraphQLException { IsPermissionDenied: true } => ("Bloomy.Forbidden", ErrorCategory.PermissionDenied),
        BloomyApiException api => api.Kind switch
        {
            BloomyFailureKind.OutcomeUnknown => ("Bloomy.OutcomeUnknown", ErrorCategory.ConnectionError),
            BloomyFailureKind.Timeout => ("Bloomy.Timeout", ErrorCategory.OperationTimeout),
            BloomyFailureKind.Transport => ("Bloomy.Transport", ErrorCategory.ConnectionError),
            BloomyFailureKind.InvalidResponse => ("Bloomy.InvalidResponse", ErrorCategory.InvalidResult),
            _ => api.StatusCode switch
            {
                404 => ("Bloomy.NotFound", ErrorCategory.ObjectNotFound),
                429 => ("Bloomy.RateLimited", ErrorCategory.LimitsExceeded),
                400 or 422 => ("Bloomy.BadRequest", ErrorCategory.InvalidArgument),
                409 => ("Bloomy.Conflict", ErrorCategory.ResourceExists),
                >= 500 => ("Bloomy.ServerError", ErrorCategory.ResourceUnavailable),
                _ => ("Bloomy.ApiError", ErrorCategory.NotSpecified),
            },
        },
        ChangeAppliedException => ("Bloomy.ReadBackFailed", ErrorCategory.ReadError),
        ArgumentException => ("Bloomy.Validation", ErrorCategory.InvalidArgument),
        ObjectDisposedException or InvalidOperationException { InnerException: ObjectDisposedException } => ("Bloomy.Disconnected", ErrorCategory.InvalidOperation),
        ItemNotFoundException => ("Bloomy.NotFound", ErrorCategory.ObjectNotFound),
        TimeoutException => ("Bloomy.Timeout", ErrorCategory.OperationTimeout),
        _ => ("Bloomy.Unexpected", ErrorCategory.NotSpecified),
    };
}
