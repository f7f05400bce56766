import Foundation
import Testing
import TestSupport

/// The Slurm and Kubernetes recipes in docs/distributed/: syntax-checked, and the Slurm array run
/// here as plain bash (task by task, then the join) against this build.
@Suite("Distributed recipes")
struct DistributedRecipesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let recipes = root + "/docs/distributed"

    @Test("the shell recipes parse", arguments: ["render-part.sh", "slurm-render.sbatch", "slurm-join.sbatch"])
    func shellRecipesParse(name: String) throws {
        let result = try ProcessRunner.run("/bin/bash", ["-n", Self.recipes + "/" + name])
        #expect(result.succeeded, "\(result.standardError)")
    }

    @Test("the Kubernetes manifests are Jobs; the render is Indexed with one pod per part; their shell lines parse")
    func kubernetesManifestsParse() throws {
        let python = Self.root + "/.venv/bin/python"
        try #require(FileManager.default.isExecutableFile(atPath: python), "no .venv: run bash scripts/setup.sh")
        // PyYAML comes with Ray in .venv.
        let script = """
        import json, sys, yaml
        out = {}
        for name in sys.argv[1:]:
            with open(name) as f:
                docs = list(yaml.safe_load_all(f))
            job = docs[0]
            spec = job["spec"]
            container = spec["template"]["spec"]["containers"][0]
            env = {e["name"]: e["value"] for e in container.get("env", [])}
            out[name.rsplit("/", 1)[-1]] = {
                "kind": job["kind"], "api": job["apiVersion"], "mode": spec.get("completionMode"),
                "completions": spec.get("completions"), "parallelism": spec.get("parallelism"),
                "count": env.get("COUNT"), "command": container["command"],
                "restart": spec["template"]["spec"]["restartPolicy"]}
        print(json.dumps(out))
        """
        let result = try ProcessRunner.run(python, ["-c", script, Self.recipes + "/k8s-render-job.yaml",
                                                    Self.recipes + "/k8s-join-job.yaml"])
        try #require(result.succeeded, "\(result.standardError)")
        let jobs = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: [String: Any]]
        let render = try #require(jobs["k8s-render-job.yaml"]), join = try #require(jobs["k8s-join-job.yaml"])
        for job in [render, join] {
            #expect(job["kind"] as? String == "Job" && job["api"] as? String == "batch/v1")
            #expect(job["restart"] as? String == "Never")
            let command = job["command"] as? [String] ?? []
            #expect(command.count == 3 && command[0] == "bash" && command[1] == "-c")
            let check = try ProcessRunner.run("/bin/bash", ["-n", "-c", command.last ?? ""])
            #expect(check.succeeded, "\(check.standardError)")
        }
        #expect(render["mode"] as? String == "Indexed")
        #expect(render["completions"] as? Int == Int(render["count"] as? String ?? ""))
        #expect((render["command"] as? [String])?.last?.contains("$JOB_COMPLETION_INDEX") == true)
        #expect((join["command"] as? [String])?.last?.contains("parallax concat") == true)
    }

    @Test("the Slurm array, run task by task and then joined, gives the whole video")
    func slurmArrayRunsLocally() throws {
        let folder = TemporaryDirectory("slurm")
        let scene = try GroundTruthScene(directory: folder.file("p"), steps: 6)
        let total = scene.plan.frameCount
        var environment = ProcessInfo.processInfo.environment
        environment["PARALLAX"] = ProcessRunner.parallaxExecutable
        environment["PROJECT"] = folder.file("p")
        environment["PARTS"] = folder.file("parts")
        environment["OUTPUT"] = folder.file("out.mp4")
        environment["SLURM_ARRAY_TASK_COUNT"] = "3"
        for index in 0..<3 {
            environment["SLURM_ARRAY_TASK_ID"] = String(index)
            let task = try ProcessRunner.run("/bin/bash", [Self.recipes + "/slurm-render.sbatch"],
                                             environment: environment, currentDirectory: Self.root)
            #expect(task.succeeded, "\(task.standardError)")
        }
        let join = try ProcessRunner.run("/bin/bash", [Self.recipes + "/slurm-join.sbatch"], environment: environment,
                                         currentDirectory: Self.root)
        #expect(join.succeeded, "\(join.standardError)")
        #expect(try VideoInspection.frameMD5s(folder.file("out.mp4")).count == total)
    }
}
