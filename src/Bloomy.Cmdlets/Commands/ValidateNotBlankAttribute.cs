using System.Management.Automation;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Rejects a string that is empty or only whitespace when the parameter is bound, so a blank title or
/// search term fails with a parameter error before any request, like [ValidateNotNullOrEmpty] does for "".
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateNotBlankAttribute : ValidateArgumentsAttribute
{
    /// <inheritdoc />
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        if (value is string text && text.Trim().Length == 0)
        {
            throw new ValidationMetadataException("The argument is blank. Supply text that is not empty or only whitespace, then try the command again.");
        }
    }
}
