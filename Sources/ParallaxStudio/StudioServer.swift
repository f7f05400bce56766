import Foundation
import Hummingbird
import ParallaxCore

/// The studio's HTTP server: the page, its API and the project's files, on 127.0.0.1 only.
public enum StudioServer {
    /// Serves until SIGINT or SIGTERM; `ready` gets the address with the token once listening.
    public static func serve(_ settings: StudioSettings, ready: @escaping @Sendable (String) -> Void) async throws {
        let port = Locked(settings.port)
        let hub = EventHub()
        let jobs = JobRunner(executable: settings.executable, projectDirectory: settings.projectDirectory, hub: hub)
        let router = Router()
        router.add(middleware: AccessGuard<BasicRequestContext>(token: settings.token, port: port))
        StudioRoutes(settings: settings, hub: hub, jobs: jobs).register(on: router)

        // Info logs would only repeat the address line; LOG_LEVEL still overrides.
        if ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil { setenv("LOG_LEVEL", "warning", 1) }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: settings.port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? settings.port
                port.withValue { $0 = bound }
                ready("http://127.0.0.1:\(bound)/?token=\(settings.token.text)")
            }
        )
        // Ctrl-C first stops the child and ends the event streams (open ones would hold a
        // graceful shutdown forever), then asks the server for its graceful shutdown.
        let stopping = StopSignals { [hub, jobs] in
            jobs.stop()
            hub.close()
            kill(getpid(), SIGUSR1)
        }
        defer { withExtendedLifetime(stopping) {} }
        do {
            try await app.runService(gracefulShutdownSignals: [.sigusr1])
        } catch {
            jobs.stop()
            throw StudioError("cannot serve on 127.0.0.1:\(settings.port): \(error)")
        }
    }
}

/// Runs `stop` once on SIGINT or SIGTERM instead of dying mid-write.
final class StopSignals: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []

    init(_ stop: @escaping @Sendable () -> Void) {
        let once = Locked(false)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard once.withValue({ fired in defer { fired = true }; return !fired }) else { return }
                stop()
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
