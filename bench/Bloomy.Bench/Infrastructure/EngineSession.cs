using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Bloomy.Bench.Infrastructure;

/// <summary>
/// A real PowerShell engine with the staged module imported, as a user would have it (the same hosting as the
/// engine tests). Output can be counted and dropped, so a long pipeline is measured without keeping its output.
/// </summary>
internal sealed class EngineSession : IDisposable
{
    private readonly Runspace _runspace;

    public EngineSession(bool importModule = true)
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Measure-BenchPipelineFloor", typeof(PipelineFloorCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Measure-BenchPipelineFloorSets", typeof(PipelineFloorSetsCommand), null));
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        if (importModule) Run("Import-Module $manifest -ErrorAction Stop", new() { ["manifest"] = RepoPaths.ModuleManifest });
    }

    /// <summary>Connects the session's default connection to an emulator.</summary>
    public void Connect(Uri baseUri, string apiKey) =>
        Run("Connect-Bloomy -BaseUri $bloomyBase -ApiKey $bloomyKey",
            new() { ["bloomyBase"] = baseUri, ["bloomyKey"] = apiKey });

    /// <summary>Runs a script and returns its output; any error record or terminating error fails the benchmark.</summary>
    public IReadOnlyList<object?> Run(string script, Dictionary<string, object?>? variables = null)
    {
        var output = new List<object?>();
        RunInto(script, variables, o => output.Add(o?.BaseObject));
        return output;
    }

    /// <summary>Runs a script, counting its output objects without keeping them.</summary>
    public long RunCounting(string script, Dictionary<string, object?>? variables = null)
    {
        long count = 0;
        RunInto(script, variables, _ => count++);
        return count;
    }

    private void RunInto(string script, Dictionary<string, object?>? variables, Action<PSObject?> sink)
    {
        foreach (var (name, value) in variables ?? new()) _runspace.SessionStateProxy.SetVariable(name, value);
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        shell.Invoke<PSObject>(null, new SinkList(sink));
        if (shell.Streams.Error.Count > 0)
        {
            throw new InvalidOperationException($"The script wrote {shell.Streams.Error.Count} error(s), first: {shell.Streams.Error[0]}\n{script}");
        }
    }

    public void Dispose() => _runspace.Dispose();

    /// <summary>A list that hands every added object to a callback and keeps none of them.</summary>
    private sealed class SinkList(Action<PSObject?> sink) : IList<PSObject>
    {
        public void Add(PSObject item) => sink(item);
        public int Count => 0;
        public bool IsReadOnly => false;
        public PSObject this[int index] { get => throw new ArgumentOutOfRangeException(nameof(index)); set => throw new NotSupportedException(); }
        public void Clear() { }
        public bool Contains(PSObject item) => false;
        public void CopyTo(PSObject[] array, int arrayIndex) { }
        public IEnumerator<PSObject> GetEnumerator() => Enumerable.Empty<PSObject>().GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public int IndexOf(PSObject item) => -1;
        public void Insert(int index, PSObject item) => sink(item);
        public bool Remove(PSObject item) => false;
        public void RemoveAt(int index) { }
    }
}
