#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Publishing as a maintainer would: build.ps1 -Task Package, Publish-PSResource to a file repository, then a user's
# fresh pwsh installs it with Install-PSResource and uses Bloomy by name. The child shell gets its own HOME, so the
# repository it registers and the module it installs stay out of the real user's profile.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) "bloomy-publish-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $work | Out-Null
    $script:package = & (Join-Path $BloomyRepoRoot 'build.ps1') -Task Package -NoBuild 6>$null | Select-Object -Last 1
    $script:emulator = Start-BloomyEmulator -Users 5
}

AfterAll {
    Stop-BloomyEmulator $emulator
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The package' {
    It 'carries the module, a LICENSE and no debug symbols' {
        Test-Path (Join-Path $package 'Bloomy.psd1') | Should -BeTrue
        Get-Content (Join-Path $package 'LICENSE') -Raw | Should -Match 'MIT License'
        @(Get-ChildItem $package -Recurse -Filter '*.pdb') | Should -HaveCount 0
    }

    It 'publishes to a file repository, installs by name in a fresh pwsh and works' {
        $home_ = Join-Path $work 'home'
        $repository = Join-Path $work 'repository'
        New-Item -ItemType Directory -Path $home_, $repository | Out-Null
        $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name BloomyLocal -Uri '$repository' -Trusted
Publish-PSResource -Path '$package' -Repository BloomyLocal
Install-PSResource -Name Bloomy -Repository BloomyLocal -Scope CurrentUser -TrustRepository
Import-Module Bloomy
'module ' + (Get-Module Bloomy).ModuleBase
Connect-Bloomy -BaseUri '$($emulator.BaseUri)' -Credential ([pscredential]::new('ada@example.com', (ConvertTo-SecureString 'bloomy-demo' -AsPlainText -Force))) | Out-Null
'users ' + @(Get-BloomyUser -All).Count
# Where HOME does not move the profile (Windows), leave the user's scope as it was.
if (`$IsWindows) {
    Remove-Module Bloomy
    Uninstall-PSResource -Name Bloomy -Scope CurrentUser
    Unregister-PSResourceRepository -Name BloomyLocal
}
"@
        # .NET reports a special folder only once it exists, so the child's data folders are made first.
        $environment = @{ HOME = $home_ }
        foreach ($folder in @{ XDG_DATA_HOME = '.local/share'; XDG_CONFIG_HOME = '.config'; XDG_CACHE_HOME = '.cache' }.GetEnumerator()) {
            $environment[$folder.Key] = (New-Item -ItemType Directory -Path (Join-Path $home_ $folder.Value) -Force).FullName
        }
        if ($IsWindows) { $environment = @{} }
        $output = Invoke-BloomyChildShell -Script $script -Environment $environment -TimeoutSec 180
        Get-ChildItem $repository -Filter 'bloomy.*.nupkg' | Should -Not -BeNullOrEmpty
        ($output | Where-Object { $_ -like 'module *' }) | Should -Not -BeLike "*$([regex]::Escape($BloomyRepoRoot))*"
        ($output | Where-Object { $_ -like 'users *' }) | Should -Be 'users 5'
    }
}
