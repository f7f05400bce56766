import CParallaxAV
import ParallaxCore

extension VideoEncoding {
    /// This encoding as this machine must run it for every render to give the same bits, in
    /// process and in stock ffmpeg alike.
    ///
    /// libx264 0.164's AVX-512 code for MB-tree (on in every preset but ultrafast) reads memory
    /// it never wrote, so its B-frames follow whatever the heap held: a render inside a
    /// long-lived process changed from run to run, and a fresh ffmpeg process matched none of
    /// them for sure. Its AVX2 code reads only what it wrote. On AVX-512 machines H.264 is
    /// therefore capped at AVX2, which every AVX-512 CPU has; other machines never reach the
    /// faulty code and are left alone. A caller's own ceiling is kept.
    public var forThisHost: VideoEncoding {
        var encoding = self
        if codec == .h264, instructionSetCeiling == nil, pav_cpu_has_avx512() != 0 {
            encoding.instructionSetCeiling = "avx2"
        }
        return encoding
    }
}
