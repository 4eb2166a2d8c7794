import ArgumentParser
import Console
import Foundation
import Ledger

extension IntakeCommand {
    /// `intake clerk add|passwd|disable|enable|list`: the console's accounts, without the web.
    struct ClerkCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clerk", abstract: "Manage the console's accounts (窗口 clerk, 科长 chief, admin).",
            subcommands: [Add.self, Passwd.self, Disable.self, Enable.self, List.self])

        /// Where the accounts are: `--ledger` as `watch` and `console` take it, else `<state>/ledger.sqlite`.
        struct StateOption: ParsableArguments {
            @Option(help: ArgumentHelp("The state folder of `watch` and `console` (its ledger.sqlite, when --ledger is not given).",
                                       valueName: "dir"))
            var state: String?
            @OptionGroup var ledgerOptions: LedgerOptions

            func validate() throws {
                if state == nil && ledgerOptions.ledger == nil { throw ValidationError("give --state or --ledger") }
                try LedgerOptions.check(ledgerOptions.ledger)
            }

            func store() throws -> any ConsoleStore {
                try LedgerOptions.consoleStore(ledgerOptions.ledger, state: URL(fileURLWithPath: state ?? "."))
            }
        }

        /// The password: a prompt without echo on a terminal, else the first line of standard input.
        static func readPassword() throws -> String {
            let line: String?
            if isatty(0) == 1 {
                line = getpass("password (at least \(Accounts.minimumLength) characters): ").map { String(cString: $0) }
            } else {
                line = readLine(strippingNewline: true)
            }
            guard let line, !line.isEmpty else { throw ValidationError("no password given on standard input") }
            return line
        }

        static func run(_ body: () throws -> Void) throws {
            do {
                try body()
            } catch let failure as Accounts.Failure {
                throw ValidationError(failure.description)
            }
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add an account; the password comes from standard input.")
            @Argument(help: "The login.") var login: String
            @Option(help: "The name printed as 经办人.") var name: String
            @Option(help: "clerk (窗口), chief (科长) or admin.") var role: String = "clerk"
            @Option(help: ArgumentHelp("Region codes of the offices a clerk serves, comma-separated (371502,371503).",
                                       valueName: "codes"))
            var offices: String = ""
            @OptionGroup var state: StateOption

            func run() throws {
                guard let role = ClerkRole(rawValue: role) else { throw ValidationError("--role must be clerk, chief or admin") }
                let codes = offices.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                guard codes.allSatisfy({ $0.count == 6 && $0.allSatisfy(\.isNumber) }) else {
                    throw ValidationError("--offices takes 6-digit region codes")
                }
                let accounts = Accounts(store: try state.store())
                let password = try ClerkCommand.readPassword()
                try ClerkCommand.run { try accounts.add(Clerk(login: login, name: name, role: role, offices: codes), password: password) }
                print("added \(login)")
            }
        }

        struct Passwd: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Set a new password (and unlock); from standard input.")
            @Argument var login: String
            @OptionGroup var state: StateOption
            func run() throws {
                let accounts = Accounts(store: try state.store())
                let password = try ClerkCommand.readPassword()
                try ClerkCommand.run { try accounts.setPassword(login: login, password: password) }
                print("password set for \(login)")
            }
        }

        struct Disable: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Close an account; its sessions end at their next request.")
            @Argument var login: String
            @OptionGroup var state: StateOption
            func run() throws { try ClerkCommand.setDisabled(login, true, state) }
        }

        struct Enable: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Open a closed account again.")
            @Argument var login: String
            @OptionGroup var state: StateOption
            func run() throws { try ClerkCommand.setDisabled(login, false, state) }
        }

        static func setDisabled(_ login: String, _ disabled: Bool, _ state: StateOption) throws {
            guard try state.store().setDisabled(login: login, disabled) else { throw ValidationError("no such login: \(login)") }
            print("\(disabled ? "disabled" : "enabled") \(login)")
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Every account: login, role, offices, state.")
            @OptionGroup var state: StateOption
            func run() throws {
                for clerk in try state.store().clerks() {
                    let status = clerk.disabled ? "disabled" : (clerk.lockedUntil.map { $0 > Date() } == true ? "locked" : "open")
                    print([clerk.login, clerk.role.rawValue, clerk.name, clerk.offices.isEmpty ? "*" : clerk.offices.joined(separator: ","), status]
                        .joined(separator: "\t"))
                }
            }
        }
    }

    /// `intake audit verify`: walks the console's hash-chained audit trail.
    struct AuditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "audit", abstract: "The console's audit trail.",
                                                        subcommands: [Verify.self])

        struct Verify: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Check every row's hash and link; exit 1 at the first broken one.")
            @OptionGroup var state: ClerkCommand.StateOption
            func run() throws {
                let verification = try state.store().verifyAudit()
                if let broken = verification.brokenAt {
                    print("audit chain broken at row \(broken) (\(verification.rows) rows read)")
                    throw ExitCode(1)
                }
                print("audit chain intact: \(verification.rows) rows")
            }
        }
    }
}
