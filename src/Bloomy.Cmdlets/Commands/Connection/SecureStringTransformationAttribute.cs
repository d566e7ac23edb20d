using System.Management.Automation;
using System.Security;

namespace Bloomy.Cmdlets.Commands.Connection;

/// <summary>Lets a parameter typed SecureString also take a plain string, as scripts often hold keys.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text) return value;
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
