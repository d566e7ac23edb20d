#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# To-dos and headlines through the GraphQL API as a person would use it: archive and restore, hand to another
# owner, notes written and read back (line breaks kept), to-dos with notes from a CSV file, -WhatIf, a failing item,
# and archived lists read to the end with the emulator's page size at 3.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 20
    Connect-BloomyEmulator $emulator
}

AfterAll {
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'To-dos over GraphQL' {
    It 'archives done to-dos, lists them with -IncludeArchived and restores them' {
        $todos = 1..2 | ForEach-Object { New-BloomyTodo -MeetingId 2001 -Title "Wrap up $_" }

        $todos | Set-BloomyTodo -Archived

        (Get-BloomyTodo -MeetingId 2001).Id | Should -Not -Contain $todos[0].Id
        $archived = Get-BloomyTodo -MeetingId 2001 -IncludeArchived | Where-Object Archived
        $archived.Id | Should -Contain $todos[0].Id
        $archived.Id | Should -Contain $todos[1].Id

        $back = $archived | Where-Object { $_.Id -in $todos.Id } | Restore-BloomyTodo -PassThru

        $back.Id | Should -Be $todos.Id
        $back.Archived | Should -Not -Contain $true
        (Get-BloomyTodo -MeetingId 2001).Id | Should -Contain $todos[1].Id
    }

    It 'hands a to-do to another owner and replaces its notes, line breaks kept' {
        $todo = New-BloomyTodo -MeetingId 2001 -Title 'Call the bank'

        $changed = Set-BloomyTodo -Id $todo.Id -Title 'Call the bank today' -OwnerId 1002 -Notes "Ask for Sam`nBring the forms" -PassThru

        $changed.Title | Should -BeExactly 'Call the bank today'
        $changed.OwnerId | Should -Be 1002
        (Get-BloomyTodo -Id $todo.Id -IncludeNotes).Notes | Should -BeExactly "Ask for Sam`nBring the forms"
        (Get-BloomyTodo -Id $todo.Id).Notes | Should -BeNullOrEmpty
    }

    It 'creates to-dos with notes from CSV rows and reports the bad row by name' {
        $csv = Join-Path $TestDrive 'todos.csv'
        @(
            [pscustomobject]@{ Title = 'Order chairs'; MeetingId = '2001'; Notes = 'Ten of them' }
            [pscustomobject]@{ Title = 'Lost row'; MeetingId = '999999'; Notes = 'x' }
        ) | Export-Csv -Path $csv -NoTypeInformation

        $created = Import-Csv $csv | New-BloomyTodo -ErrorVariable failures -ErrorAction SilentlyContinue

        $created.Title | Should -Be 'Order chairs'
        (Get-BloomyTodo -Id $created.Id -IncludeNotes).Notes | Should -BeExactly 'Ten of them'
        $failures | Should -HaveCount 1
        "$($failures[0])" | Should -BeLike "*to-do 'Lost row'*"
    }

    It 'restores archived to-dos listed in a CSV file' {
        $todos = 1..2 | ForEach-Object { New-BloomyTodo -MeetingId 2001 -Title "From file $_" }
        $todos | Set-BloomyTodo -Archived
        $csv = Join-Path $TestDrive 'archived.csv'
        Get-BloomyTodo -MeetingId 2001 -IncludeArchived | Where-Object { $_.Id -in $todos.Id } |
            Select-Object Id, Title | Export-Csv -Path $csv -NoTypeInformation

        $back = Import-Csv $csv | Restore-BloomyTodo -PassThru -ErrorAction Stop

        $back.Id | Should -Be $todos.Id
        (Get-BloomyTodo -MeetingId 2001).Id | Should -Contain $todos[0].Id
    }

    It 'changes nothing with -WhatIf' {
        $todo = New-BloomyTodo -MeetingId 2001 -Title 'Stay as is'
        Reset-BloomyEmulatorStats $emulator

        Set-BloomyTodo -Id $todo.Id -Archived -OwnerId 1002 -WhatIf
        Restore-BloomyTodo -Id $todo.Id -WhatIf

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }

    It 'writes one error naming a missing to-do and archives the others' {
        $todos = 1..2 | ForEach-Object { New-BloomyTodo -MeetingId 2001 -Title "Archive $_" }

        $todos[0].Id, 999999, $todos[1].Id | Set-BloomyTodo -Archived -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        "$($failures[0])" | Should -BeLike '*to-do 999999*'
        $archived = (Get-BloomyTodo -MeetingId 2001 -IncludeArchived | Where-Object Archived).Id
        $archived | Should -Contain $todos[0].Id
        $archived | Should -Contain $todos[1].Id
    }

    It 'reads every page of a meeting''s archived to-dos when pages hold 3' {
        1..4 | ForEach-Object { New-BloomyTodo -MeetingId 2002 -Title "Paged $_" } | Set-BloomyTodo -Archived
        $expected = (Get-BloomyTodo -MeetingId 2002 -IncludeClosed).Count + 4
        Set-BloomyEmulatorGraphQL $emulator @{ defaultPageSize = 3 } | Out-Null
        try {
            $all = Get-BloomyTodo -MeetingId 2002 -IncludeArchived -IncludeClosed
        }
        finally {
            Set-BloomyEmulatorGraphQL $emulator @{ defaultPageSize = 10 } | Out-Null
        }

        $all | Should -HaveCount $expected
        ($all | Where-Object Archived) | Should -HaveCount 4
    }
}

Describe 'Headlines over GraphQL' {
    It 'archives, lists archived, restores and hands headlines over' {
        $headline = New-BloomyHeadline -MeetingId 2001 -Title 'Signed the lease' -Notes "Five years`nStarts in May"

        (Get-BloomyHeadline -Id $headline.Id -IncludeNotes).Notes | Should -BeExactly "Five years`nStarts in May"

        $headline | Set-BloomyHeadline -Archived -OwnerId 1002
        $archived = Get-BloomyHeadline -MeetingId 2001 -IncludeArchived | Where-Object Id -eq $headline.Id
        $archived.Archived | Should -BeTrue
        $archived.OwnerId | Should -Be 1002

        $back = Restore-BloomyHeadline -Id $headline.Id -PassThru
        $back.Archived | Should -BeFalse
    }

    It 'changes nothing with -WhatIf and names a missing headline' {
        $headline = New-BloomyHeadline -MeetingId 2001 -Title 'Untouched'
        Reset-BloomyEmulatorStats $emulator

        Set-BloomyHeadline -Id $headline.Id -Archived -WhatIf
        Restore-BloomyHeadline -Id $headline.Id -WhatIf
        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0

        Restore-BloomyHeadline -Id 999999 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        "$($failures[0])" | Should -BeLike '*headline 999999*'
    }

    It 'reads every page of open and archived headlines when pages hold 3' {
        1..4 | ForEach-Object { New-BloomyHeadline -MeetingId 2002 -Title "Paged $_" } | Set-BloomyHeadline -Archived
        1..4 | ForEach-Object { New-BloomyHeadline -MeetingId 2002 -Title "Open $_" } | Out-Null
        # The REST list shows archived headlines too (flagged Archived); count the open ones.
        $open = @(Get-BloomyHeadline -MeetingId 2002 | Where-Object { -not $_.Archived }).Count
        Set-BloomyEmulatorGraphQL $emulator @{ defaultPageSize = 3 } | Out-Null
        try {
            $all = Get-BloomyHeadline -MeetingId 2002 -IncludeArchived
        }
        finally {
            Set-BloomyEmulatorGraphQL $emulator @{ defaultPageSize = 10 } | Out-Null
        }

        $all | Should -HaveCount ($open + 4)
        ($all | Where-Object Archived) | Should -HaveCount 4
        (Get-BloomyEmulatorGraphQLRequest $emulator).RootFields.meeting | Should -BeGreaterThan 2
    }
}
