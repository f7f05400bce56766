extension InpaintError {
    /// Runs `attempt` up to `retries + 1` times while it fails with an InpaintError; an interrupt
    /// stops at once. The last failure is rethrown, saying how many attempts were made.
    static func retrying<T>(_ retries: Int, _ attempt: () throws -> T) throws -> T {
        var lastError = InpaintError("not run")
        for _ in 0...retries {
            do {
                return try attempt()
            } catch let error as InpaintError {
                if Interruption.requested { throw error }
                lastError = error
            }
        }
        let attempts = retries > 0 ? " (after \(retries + 1) attempts)" : ""
        throw InpaintError(lastError.description + attempts)
    }
}
