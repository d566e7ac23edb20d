// Lets `init` accessors compile on netstandard2.0 (the type ships with .NET 5+ only).
#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    using System.ComponentModel;

    /// <summary>Reserved for use by the compiler to mark init-only setters.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    internal static class IsExternalInit
    {
    }
}
#endif
