<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the Bloomy module.
.DESCRIPTION
    A thin wrapper over the dotnet CLI that works the same on Windows, Linux and macOS, in pwsh started as
    `pwsh`, `dotnet pwsh` or `dotnet tool run pwsh`.
      Build    dotnet build; leaves the importable module in out/Bloomy.
      Test     Build, then the xUnit suite, then the Pester suite (tests/Pester) in PowerShell 7, and one closing
               line that adds both up. Fails when either suite has a failure.
      Pester   Only the Pester suite, against the built module.
      Package  A copy of the module in out/package/Bloomy (no .pdb, with LICENSE), ready for Publish-PSResource.
      Demo     Starts the local Bloom Growth emulator and runs a scripted tour against it.
      Clean    Removes out/ and every bin/ and obj/ folder.
    Pester 5 comes from NuGet (tools/PesterRestore), never from the PowerShell Gallery; PowerShell itself is the
    local .NET tool of .config/dotnet-tools.json (`dotnet tool restore`).
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    ./build.ps1 -Task Demo -Port 5080
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Demo', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [ValidateRange(1024, 65535)]
    [int] $Port = 5080,

    # Only the Pester files whose names match, e.g. 'Goals' (Pester and Test).
    [string] $PesterFilter,

    # Package (or Demo) the module already in out/Bloomy instead of building first.
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/Bloomy'
$solution = Join-Path $root 'Bloomy.PowerShell.sln'
$pesterVersion = '5.9.1'

# The arguments go in as one array: passed loose, '-c' and '--no-build' would be taken as this function's own
# parameters.
function Invoke-Dotnet {
    param([string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor DarkGray
    # To the host: a caller that returns a value (Get-PesterModulePath) must not return dotnet's output with it.
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet -Arguments @('build', $solution, '-c', $Configuration, '-nologo')
}

# Pester's module folder, restored from NuGet on first use.
function Get-PesterModulePath {
    $project = Join-Path $root 'tools/PesterRestore/PesterRestore.csproj'
    $module = Join-Path $root "tools/PesterRestore/packages/pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $module)) {
        Invoke-Dotnet -Arguments @('restore', $project, '-nologo')
    }
    if (-not (Test-Path $module)) { throw "Restoring Pester $pesterVersion from NuGet did not produce $module." }
    $module
}

function Invoke-Pester5 {
    # Pester runs the test files in child scopes of this function: strict mode stays whatever the tests set.
    Set-StrictMode -Off
    if ($PSVersionTable.PSEdition -ne 'Core') { throw 'The Pester suite runs in PowerShell 7: dotnet tool restore; dotnet pwsh ./build.ps1 -Task Pester' }
    $pesterModule = Get-PesterModulePath
    # On PSModulePath too, so a child shell started by a test finds the same Pester.
    $env:PSModulePath = (Split-Path (Split-Path (Split-Path $pesterModule))) + [IO.Path]::PathSeparator + $env:PSModulePath
    Import-Module $pesterModule -Force
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/Pester'
    if ($PesterFilter) {
        $config.Run.Path = @(Get-ChildItem (Join-Path $root 'tests/Pester') -Filter "*$PesterFilter*.Tests.ps1" | ForEach-Object FullName)
    }
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = if ($env:CI) { 'Normal' } else { 'Detailed' }
    $config.TestResult.Enabled = $false
    Invoke-Pester -Configuration $config | Select-Object -Last 1
}

# xUnit writes a .trx per test project; its counters give the closing line.
function Get-TrxCount {
    param([string] $Directory)
    $count = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($file in Get-ChildItem $Directory -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $counters = ([xml] (Get-Content -LiteralPath $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $count.Passed += [int] $counters.passed
        $count.Failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout
        $count.Skipped += [int] $counters.notExecuted
    }
    [pscustomobject] $count
}

function Invoke-Test {
    Invoke-Build
    $results = Join-Path ([IO.Path]::GetTempPath()) "bloomy-test-$PID"
    Remove-Item $results -Recurse -Force -ErrorAction SilentlyContinue
    $unitFailed = $false
    try {
        # A hang guard: a stuck test is reported with a dump instead of eating CI's time.
        Invoke-Dotnet -Arguments @('test', $solution, '-c', $Configuration, '--no-build', '-nologo',
            '--blame-hang-timeout', '5m', '--logger', 'trx', '--results-directory', $results)
    }
    catch {
        $unitFailed = $true
        Write-Warning $_
    }
    $unit = Get-TrxCount $results
    Remove-Item $results -Recurse -Force -ErrorAction SilentlyContinue

    $pester = Invoke-Pester5 | Select-Object -Last 1
    Write-Host ''
    Write-Host ("xUnit:  {0} passed, {1} failed, {2} skipped" -f $unit.Passed, $unit.Failed, $unit.Skipped)
    Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $pester.PassedCount, $pester.FailedCount, $pester.SkippedCount)
    $failed = $unit.Failed + $pester.FailedCount + $pester.FailedBlocksCount + $pester.FailedContainersCount
    # The plain closing line CI readers look for.
    Write-Host ("{0} passed, {1} failed, {2} skipped" -f ($unit.Passed + $pester.PassedCount), $failed, ($unit.Skipped + $pester.SkippedCount))
    if ($unitFailed -or $failed -gt 0) { throw 'Tests failed.' }
}

function Invoke-PesterTask {
    $result = Invoke-Pester5 | Select-Object -Last 1
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Write-Host ("{0} passed, {1} failed, {2} skipped" -f $result.PassedCount, $failed, $result.SkippedCount)
    if ($failed -gt 0) { throw "$failed Pester test(s) or block(s) failed." }
}

function Invoke-Package {
    if (-not $NoBuild) { Invoke-Build }
    $manifest = Import-PowerShellDataFile (Join-Path $moduleDir 'Bloomy.psd1')
    # Publish-PSResource -Path wants a folder named after the module.
    $target = Join-Path $root 'out/package/Bloomy'
    Remove-Item $target -Recurse -Force -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Path $target -Force | Out-Null
    Copy-Item -Path (Join-Path $moduleDir '*') -Destination $target -Recurse
    Get-ChildItem $target -Recurse -Filter '*.pdb' | Remove-Item -Force
    Copy-Item (Join-Path $root 'LICENSE') $target
    Write-Host "Packaged Bloomy $($manifest.ModuleVersion) in $target"
    Write-Host "Publish with: Publish-PSResource -Path '$target' -Repository <name> -ApiKey <key>"
    $target
}

function Invoke-Demo {
    if (-not $NoBuild) { Invoke-Build }
    . (Join-Path $root 'tests/Pester/TestHelpers.ps1')
    Import-BloomyBuiltModule
    $emulator = Start-BloomyEmulator -Port $Port -Users 50 -LatencyMs 50
    try {
        Write-Host "Emulator at $($emulator.BaseUri)"
        & (Join-Path $root 'tools/demo.ps1') -BaseUri $emulator.BaseUri
    }
    finally {
        Stop-BloomyEmulator $emulator
    }
}

function Invoke-Clean {
    Remove-Item (Join-Path $root 'out') -Recurse -Force -ErrorAction SilentlyContinue
    Get-ChildItem $root -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
}

switch ($Task) {
    'Build'   { Invoke-Build }
    'Test'    { Invoke-Test }
    'Pester'  { Invoke-PesterTask }
    'Package' { Invoke-Package }
    'Demo'    { Invoke-Demo }
    'Clean'   { Invoke-Clean }
}
