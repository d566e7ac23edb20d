#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Get-Help as a person reads it: every exported cmdlet has a synopsis, a description, at least two examples and a
# description for each of its parameters, and about_Bloomy explains connecting, throttling, the emulator and errors.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $cmdlets = @(Get-Command -Module Bloomy -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        $parameters = @((Get-Command $Name).Parameters.Keys | Where-Object { $common -notcontains $_ })
        $described = @{}
        foreach ($parameter in @($help.parameters.parameter | Where-Object { $_ })) {
            $described[$parameter.name] = (@($parameter.description) | ForEach-Object { $_.Text }) -join ' '
        }
    }

    It 'has a synopsis of its own' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without a help file, Get-Help makes the synopsis from the syntax, which starts with the name.
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name*"
    }

    It 'has a description' {
        ((@($help.description) | ForEach-Object { $_.Text }) -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, none empty' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        $examples | ForEach-Object { $_.code | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter' {
        foreach ($parameter in $parameters) {
            $described[$parameter] | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }
}

Describe 'about_Bloomy' {
    BeforeAll {
        $topic = Get-Help about_Bloomy | Out-String
    }

    It 'is found by Get-Help' {
        $topic | Should -Match 'about_Bloomy'
    }

    It 'has the section <_>' -ForEach @('CONNECTING', 'THROTTLING AND RETRIES', 'THE EMULATOR', 'ERRORS') {
        $topic | Should -Match ([regex]::Escape($_))
    }

    It 'lists the error ids a script can catch' {
        $topic | Should -Match 'Bloomy\.RateLimited'
    }
}
