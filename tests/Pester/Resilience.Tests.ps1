#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# What a person sees when the service misbehaves (faults injected through PUT /_emulator/faults): a burst of 503s
# is retried and everything still comes out, -Verbose shows the retries, a create whose answer was lost is an
# OutcomeUnknown error record and never a duplicate, and bad input is refused before anything is sent.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 20
    Connect-BloomyEmulator $emulator -MaxRetries 5
    $script:users = Get-BloomyUser -All
}

AfterAll {
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'A burst of 503s on reads' {
    BeforeEach {
        Reset-BloomyEmulatorStats $emulator
    }

    It 'retries them, shows the retries with -Verbose, and every user''s to-dos come out once' {
        $expected = $users | Get-BloomyTodo -ThrottleLimit 4
        Reset-BloomyEmulatorStats $emulator
        Set-BloomyEmulatorFault $emulator @{ failNext = @{ count = 6; statusCode = 503; method = 'GET'; route = 'todo/user/{id}' } } | Out-Null

        $all = $users | Get-BloomyTodo -ThrottleLimit 4 -Verbose -ErrorVariable failures 4>&1
        $todos = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $verbose = $all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message }

        $failures | Should -HaveCount 0
        $todos.Id | Should -Be $expected.Id
        $retries = $verbose | Where-Object { $_ -like '*; retry *' }
        $retries | Should -HaveCount 6
        $retries | ForEach-Object { $_ | Should -BeLike '*503*' }
        $requests = Get-BloomyEmulatorRequest $emulator | Where-Object { $_.RelativePath -like 'todo/user/*' }
        ($requests | Where-Object StatusCode -EQ 503) | Should -HaveCount 6
        ($requests | Where-Object StatusCode -EQ 200) | Should -HaveCount $users.Count
    }

    It 'reports a read that keeps failing as one error record naming it, and the others come out' {
        $victim = $users[1]
        Set-BloomyEmulatorFault $emulator @{ failFraction = @{ fraction = 1; statusCode = 503; method = 'GET'; route = "todo/user/$($victim.Id)" } } | Out-Null

        $todos = $users[0..2] | Get-BloomyTodo -ErrorVariable failures -ErrorAction SilentlyContinue

        $todos.OwnerId | Select-Object -Unique | Should -Be @($users[0].Id, $users[2].Id)
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.ServerError,*'
        $failures[0].TargetObject.Id | Should -Be $victim.Id
    }
}

Describe 'A create whose answer is lost' {
    It 'is one Bloomy.OutcomeUnknown error record, sent once and never retried' {
        Reset-BloomyEmulatorStats $emulator
        Set-BloomyEmulatorFault $emulator @{ drop = @{ fraction = 1; timing = 'AfterAction'; method = 'POST'; route = 'todo/create' } } | Out-Null

        $created = New-BloomyTodo -Title 'Lost answer' -ErrorVariable failures -ErrorAction SilentlyContinue

        $created | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.OutcomeUnknown,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        "$($failures[0])" | Should -BeLike '*may or may not have been created*'
        $stats = Get-BloomyEmulatorStats $emulator
        $stats.DroppedAfterAction | Should -Be 1
        $stats.Created.Todo | Should -Be 1
        @(Get-BloomyEmulatorRequest $emulator | Where-Object Method -EQ 'POST') | Should -HaveCount 1
    }

    It 'throws Bloomy.OutcomeUnknown with -ErrorAction Stop' {
        Reset-BloomyEmulatorStats $emulator
        Set-BloomyEmulatorFault $emulator @{ drop = @{ fraction = 1; timing = 'AfterAction'; method = 'POST'; route = 'todo/create' } } | Out-Null

        { New-BloomyTodo -Title 'Lost again' -ErrorAction Stop } | Should -Throw -ErrorId 'Bloomy.OutcomeUnknown,*'
    }
}

Describe 'A delete whose answer is lost' {
    It 'counts as deleted: no error record, a note in -Verbose, and the headline is gone' {
        $victim = Get-BloomyMeeting | Select-Object -First 1 | Get-BloomyHeadline | Select-Object -First 1
        Reset-BloomyEmulatorStats $emulator
        Set-BloomyEmulatorFault $emulator @{ dropNext = @{ count = 1; timing = 'AfterAction'; method = 'DELETE'; route = "headline/$($victim.Id)" } } | Out-Null

        $all = $victim | Remove-BloomyHeadline -Confirm:$false -Verbose -ErrorVariable failures 4>&1
        $verbose = $all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message }

        $failures | Should -HaveCount 0
        @($verbose | Where-Object { $_ -like '*already deleted it; counted as deleted*' }) | Should -HaveCount 1
        (Get-BloomyEmulatorStats $emulator).DroppedAfterAction | Should -Be 1
        { Get-BloomyHeadline -Id $victim.Id -ErrorAction Stop } | Should -Throw -ErrorId 'Bloomy.NotFound*'
    }
}

Describe 'Bad input is refused before any request' {
    BeforeEach {
        Reset-BloomyEmulatorStats $emulator
    }

    It 'refuses <Command>' -TestCases @(
        @{ Command = "New-BloomyTodo -Title ''" }
        @{ Command = "New-BloomyTodo -Title '   '" }
        @{ Command = 'Get-BloomyTodo -ThrottleLimit 0' }
        @{ Command = 'Get-BloomyTodo -UserId 1001 -MeetingId 2001' }
        @{ Command = "New-BloomyTodo -Title 'x' -DueDate 'not a date'" }
        @{ Command = "[pscustomobject]@{ Title = 'x'; DueDate = 'tomorrowish' } | New-BloomyTodo" }
        @{ Command = "Get-BloomyUser -Search ''" }
    ) {
        param($Command)

        { & ([scriptblock]::Create("$Command -ErrorAction Stop")) } | Should -Throw

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }

    It 'names the parameter in the message for an empty title' {
        { New-BloomyTodo -Title '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { New-BloomyTodo -Title '' } | Should -Throw '*Title*'
    }
}
