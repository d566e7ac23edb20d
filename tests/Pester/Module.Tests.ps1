#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The module as a person installs and imports it: a valid manifest whose list of cmdlets is what is exported, the
# formats loaded with a view for every type a cmdlet returns, and an import that works beside another version of
# the libraries Bloomy carries (YamlDotNet, Polly) that something else in the session already loaded.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $bundled = Join-Path $BloomyRepoRoot 'out/Bloomy/dependencies'
    # Another copy of a bundled library, from an installed module, with a different version than Bloomy's.
    $others = @(foreach ($library in 'YamlDotNet.dll', 'Polly.Core.dll') {
        $ours = Join-Path $bundled $library
        if (-not (Test-Path $ours)) { continue }
        $ourVersion = [System.Reflection.AssemblyName]::GetAssemblyName($ours).Version
        $found = Get-Module -ListAvailable |
            ForEach-Object { Get-ChildItem -Path $_.ModuleBase -Filter $library -Recurse -ErrorAction SilentlyContinue } |
            Where-Object { [System.Reflection.AssemblyName]::GetAssemblyName($_.FullName).Version -ne $ourVersion } |
            Select-Object -First 1
        if ($found) { @{ Library = $library; Path = $found.FullName } }
    })
    $haveOthers = $others.Count -gt 0
    # With none installed, one skipped case says what was not checked.
    $cases = if ($haveOthers) { $others } else { @(@{ Library = 'YamlDotNet or Polly.Core'; Path = 'another copy (none installed)' }) }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:manifestPath = Join-Path $BloomyRepoRoot 'out/Bloomy/Bloomy.psd1'
    $script:manifest = Import-PowerShellDataFile -Path $manifestPath
}

Describe 'The manifest' {
    It 'passes Test-ModuleManifest' {
        $tested = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop
        $tested.Name | Should -Be 'Bloomy'
        $tested.Version | Should -Be ([version] $manifest.ModuleVersion)
    }

    It 'exports exactly the cmdlets it lists' {
        $exported = @((Get-Module Bloomy).ExportedCmdlets.Keys | Sort-Object)
        $exported | Should -Be @($manifest.CmdletsToExport | Sort-Object)
        $exported | Should -Not -BeNullOrEmpty
    }

    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        Get-Command -Module Bloomy | ForEach-Object { $_.Verb | Should -BeIn $approved }
    }
}

Describe 'Formats' {
    It 'loads Bloomy.Format.ps1xml' {
        $manifest.FormatsToProcess | Should -Contain 'Bloomy.Format.ps1xml'
        Get-FormatData -TypeName 'Bloomy.Client.Models.Todo' | Should -Not -BeNullOrEmpty
    }

    It 'has a view for every type a cmdlet returns' {
        $types = Get-Command -Module Bloomy -CommandType Cmdlet |
            ForEach-Object { $_.OutputType } |
            Where-Object { $_.Type -and $_.Type -ne [void] } |
            ForEach-Object { $_.Type.FullName } |
            Sort-Object -Unique
        $types | Should -Not -BeNullOrEmpty
        foreach ($type in $types) {
            Get-FormatData -TypeName $type | Should -Not -BeNullOrEmpty -Because "$type needs a view"
        }
    }

    It 'shows a to-do as a table row without type names' {
        $emulator = Start-BloomyEmulator -Users 5
        try {
            Connect-BloomyEmulator $emulator
            $text = Get-BloomyTodo | Format-Table | Out-String
            $text | Should -Not -Match 'Bloomy\.Client\.Models'
            $text | Should -Match 'Title'
        }
        finally {
            Disconnect-Bloomy
            Stop-BloomyEmulator $emulator
        }
    }
}

Describe 'Loading beside another version of a bundled library' {
    # Runs in a fresh process: the other copy is loaded first, then Bloomy reads a config file (YamlDotNet) and
    # sends a request through its retry pipeline (Polly) to a closed port, which must fail as a Bloomy error and
    # not as an assembly load error.
    It 'imports and works when <Path> was loaded first' -ForEach $cases -Skip:(-not $haveOthers) {
        $config = Join-Path ([System.IO.Path]::GetTempPath()) "bloomy-sidebyside-$([guid]::NewGuid()).yaml"
        Set-Content -Path $config -Value 'api_key: bg-not-a-real-key'
        try {
            $script = @"
Add-Type -Path '$Path'
Import-Module '$manifestPath' -ErrorAction Stop
`$env:BG_API_KEY = `$null
`$env:BLOOMY_CONFIG_PATH = '$config'
try { Connect-Bloomy -BaseUri 'http://127.0.0.1:9/api/v1/' -MaxRetries 0 -TimeoutSec 2 -TotalTimeoutSec 5; 'connected' }
catch { `$_.FullyQualifiedErrorId }
"@
            $output = Invoke-BloomyChildShell $script
            ($output | Out-String) | Should -Match 'Bloomy\.(Transport|Timeout)' -Because ($output | Out-String)
        }
        finally {
            Remove-Item $config -ErrorAction SilentlyContinue
        }
    }
}

Describe 'The runner' {
    # build.ps1 runs under Set-StrictMode -Version Latest; the suites must see the shell's default instead, as a
    # user's script does (an unset variable reads as $null).
    It 'does not leak build.ps1''s strict mode into the tests' {
        { $null = $bloomyNeverSetAnywhere } | Should -Not -Throw
    }
}

Describe 'Model types named in scripts' {
    BeforeAll {
        $script:emulator = Start-BloomyEmulator -Users 3
        Connect-BloomyEmulator $emulator
    }
    AfterAll {
        Disconnect-Bloomy
        Stop-BloomyEmulator $emulator
    }

    It 'resolves [Bloomy.Client.Models.<Name>]' -ForEach @(
        @{ Name = 'Todo' }, @{ Name = 'User' }, @{ Name = 'Meeting' }, @{ Name = 'Goal' }, @{ Name = 'Issue' }
        @{ Name = 'Headline' }, @{ Name = 'Measurable' }, @{ Name = 'ScorecardWeek' }, @{ Name = 'GoalStatus' }
    ) {
        ("Bloomy.Client.Models.$Name" -as [type]).FullName | Should -Be "Bloomy.Client.Models.$Name"
    }

    It 'takes -is, -as and typed parameters with the objects the cmdlets return' {
        $todo = Get-BloomyTodo | Select-Object -First 1
        $todo -is [Bloomy.Client.Models.Todo] | Should -BeTrue
        ($todo -as [Bloomy.Client.Models.Todo]).Id | Should -Be $todo.Id
        function Get-UserName { param([Bloomy.Client.Models.User] $User) $User.Name }
        Get-UserName (Get-BloomyUser) | Should -Be 'Ada Park'
        { Get-BloomyTodo -Id 999999999 } | Should -Throw -ExceptionType ([Bloomy.Client.BloomyException])
    }
}

Describe 'Isolation in a fresh pwsh beside another module''s Polly.Core and YamlDotNet' {
    # The other versions come from tests/IsolationHost (built with the suite): Polly.Core 8.9.1, YamlDotNet 15.3.0.
    BeforeAll {
        $script:otherModule = Get-ChildItem -Path (Join-Path $BloomyRepoRoot 'tests/IsolationHost/bin') -Recurse -Directory -Filter 'other-module' |
            Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
        $script:emulator = Start-BloomyEmulator -Users 4
        $script:config = Join-Path ([System.IO.Path]::GetTempPath()) "bloomy-isolation-$([guid]::NewGuid()).yaml"
        Set-Content -Path $config -Value "api_key: $(Get-BloomyEmulatorApiKey $emulator)"
    }
    AfterAll {
        Stop-BloomyEmulator $emulator
        Remove-Item $config -ErrorAction SilentlyContinue
    }

    It 'loads the other copies first, then imports Bloomy, reads its config file and runs a pipeline' {
        $otherModule | Should -Not -BeNullOrEmpty -Because 'the isolation host is built with the solution'
        $script = @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$(Join-Path $otherModule.FullName 'Polly.Core.dll')'
Add-Type -Path '$(Join-Path $otherModule.FullName 'YamlDotNet.dll')'
Import-Module '$manifestPath'
`$env:BG_API_KEY = `$null
`$env:BLOOMY_CONFIG_PATH = '$config'
Connect-Bloomy -BaseUri '$($emulator.BaseUri)'
`$todos = @(Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit 4)
`$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'Polly.Core', 'YamlDotNet' } |
    ForEach-Object { '{0} {1}' -f `$_.GetName().Name, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
[pscustomobject]@{
    Todos = `$todos.Count
    Typed = @(`$todos | Where-Object { `$_ -is [Bloomy.Client.Models.Todo] }).Count
    Loaded = @(`$loaded | Sort-Object)
} | ConvertTo-Json -Compress
"@
        $output = Invoke-BloomyChildShell $script
        $text = $output | Out-String
        $report = ($output | Select-Object -Last 1 | Out-String) | ConvertFrom-Json
        $report.Todos | Should -BeGreaterThan 0 -Because $text
        $report.Typed | Should -Be $report.Todos
        $report.Loaded | Should -Be @('Polly.Core Bloomy', 'Polly.Core Default', 'YamlDotNet Bloomy', 'YamlDotNet Default')
    }
}
