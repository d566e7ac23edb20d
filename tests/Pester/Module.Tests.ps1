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
        $shell = (Get-Process -Id $PID).Path
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
            $output = & $shell -NoProfile -NonInteractive -Command $script 2>&1
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
