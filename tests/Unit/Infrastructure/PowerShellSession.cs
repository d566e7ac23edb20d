using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Bloomy.Tests.Infrastructure;

/// <summary>
/// A real PowerShell engine with the staged module (out/Bloomy) imported, as a user would have it.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellSession(bool importModule = true)
    {
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        if (importModule)
        {
            Run("Import-Module $manifest -ErrorAction Stop", new() { ["manifest"] = RepoPaths.ModuleManifest }).ThrowIfFailed();
        }
    }

    private const string TerminatingVariable = "__bloomyTestTerminating";

    public Runspace Runspace => _runspace;

    /// <summary>Sets a variable in the session.</summary>
    public void Set(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>Connects the session's default connection to an emulator.</summary>
    public PowerShellResult Connect(Uri baseUri, string apiKey, string extra = "") =>
        Run($"Connect-Bloomy -BaseUri $bloomyBase -ApiKey $bloomyKey {extra}",
            new() { ["bloomyBase"] = baseUri, ["bloomyKey"] = apiKey }).ThrowIfFailed();

    /// <summary>
    /// Runs a script; a terminating error (statement- or script-terminating) is captured as
    /// <see cref="PowerShellResult.TerminatingRecord"/>, not thrown, and ends the script as it would a user's.
    /// </summary>
    public PowerShellResult Run(string script, Dictionary<string, object?>? variables = null)
    {
        foreach (var (name, value) in variables ?? new()) Set(name, value);
        Set(TerminatingVariable, null);
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript($"try {{\n{script}\n}} catch {{ ${TerminatingVariable} = $_ }}");
        Collection<PSObject> output = new();
        Exception? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
        }
        if (terminating is null && _runspace.SessionStateProxy.GetVariable(TerminatingVariable) is ErrorRecord caught)
        {
            terminating = new RuntimeException(caught.ToString(), caught.Exception, caught);
        }
        return new PowerShellResult(
            // A pscustomobject's properties live on its PSObject, so it is kept whole; the rest unwrap.
            output.Select(o => o?.BaseObject is PSCustomObject ? o : o?.BaseObject).ToList(),
            shell.Streams.Error.ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Debug.Select(v => v.Message).ToList(),
            shell.Streams.Warning.Select(v => v.Message).ToList(),
            shell.Streams.Progress.ToList(),
            terminating);
    }

    public void Dispose() => _runspace.Dispose();
}

/// <summary>What one script run produced, stream by stream.</summary>
public sealed record PowerShellResult(
    IReadOnlyList<object?> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<string> Debug,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ProgressRecord> Progress,
    Exception? Terminating)
{
    public IEnumerable<T> OutputOf<T>() => Output.OfType<T>();

    /// <summary>The terminating error's record, when the run ended with one.</summary>
    public ErrorRecord? TerminatingRecord => (Terminating as IContainsErrorRecord)?.ErrorRecord;

    public PowerShellResult ThrowIfFailed()
    {
        if (Terminating is not null) throw new Xunit.Sdk.XunitException("The script terminated: " + Terminating);
        if (Errors.Count > 0) throw new Xunit.Sdk.XunitException("The script wrote errors: " + string.Join(Environment.NewLine, Errors));
        return this;
    }
}
