<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the Bloomy module.
.DESCRIPTION
    A thin wrapper over the dotnet CLI.
      Build    dotnet build; leaves the importable module in out/Bloomy.
      Test     Build, then the xUnit suite, then the Pester suite (tests/Pester) in this shell, or in pwsh when
               this is Windows PowerShell and pwsh is installed. Pester 5 is installed for the current user
               from the PowerShell Gallery when missing.
      Pester   Only the Pester suite, against the built module.
      Package  A copy of the module in out/package/<version>/Bloomy, ready for Publish-Module -Path.
      Demo     Starts the local Bloom Growth emulator and runs a scripted tour against it.
      Clean    Removes out/ and every bin/ and obj/ folder.
.EXAMPLE
    ./build.ps1 -Task Test
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
    [int] $Port = 5080
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/Bloomy'
$solution = Join-Path $root 'Bloomy.PowerShell.sln'

# The arguments go in as one array: passed loose, '-c' and '--no-build' would be taken as this function's own
# parameters.
function Invoke-Dotnet {
    param([string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor DarkGray
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet -Arguments @('build', $solution, '-c', $Configuration, '-nologo')
}

function Invoke-Pester5 {
    $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Host 'Pester 5 is not installed: installing it for the current user from the PowerShell Gallery.'
        Install-Module Pester -MinimumVersion 5.0.0 -Scope CurrentUser -Force -SkipPublisherCheck
    }
    Import-Module Pester -MinimumVersion 5.0.0
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/Pester'
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $config
    if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
}

function Invoke-Test {
    Invoke-Build
    Invoke-Dotnet -Arguments @('test', $solution, '-c', $Configuration, '--no-build', '-nologo')
    if ($PSVersionTable.PSEdition -eq 'Core') {
        Invoke-Pester5
    }
    elseif (Get-Command pwsh -ErrorAction SilentlyContinue) {
        & pwsh -NoProfile -File $PSCommandPath -Task Pester -Configuration $Configuration
        if ($LASTEXITCODE -ne 0) { throw 'The Pester suite failed in pwsh.' }
    }
    else {
        Write-Warning 'pwsh is not installed: running the Pester suite in Windows PowerShell.'
        Invoke-Pester5
    }
}

function Invoke-Package {
    Invoke-Build
    $manifest = Test-ModuleManifest (Join-Path $moduleDir 'Bloomy.psd1')
    # Publish-Module -Path wants a folder named after the module; the version goes in the folder above it.
    $target = Join-Path $root "out/package/$($manifest.Version)/Bloomy"
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    New-Item -ItemType Directory -Path $target -Force | Out-Null
    Copy-Item -Path (Join-Path $moduleDir '*') -Destination $target -Recurse -Exclude '*.pdb'
    Write-Host "Packaged Bloomy $($manifest.Version) in $target"
    Write-Host "Publish with: Publish-Module -Path '$target' -NuGetApiKey <key>"
}

function Invoke-Demo {
    Invoke-Build
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
    'Pester'  { Invoke-Pester5 }
    'Package' { Invoke-Package }
    'Demo'    { Invoke-Demo }
    'Clean'   { Invoke-Clean }
}
