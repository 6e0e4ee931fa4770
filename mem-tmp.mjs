import { PGlite } from "@electric-sql/pglite";
const rss = () => Math.round(process.memoryUsage().rss/1e6);
const extra = process.argv.slice(2);
const startParams = ["--single","-F","-O","-j","-c","search_path=public","-c","exit_on_error=false","-c","log_checkpoints=false","-c","max_worker_processes=0","-c","max_parallel_workers=0","-c","max_parallel_workers_per_gather=0","-c","io_method=sync","-c","max_parallel_maintenance_workers=0", ...extra];
const db = await PGlite.create("/tmp/pgl-test", { startParams });
await db.query("select 1");
const r = await db.query("show shared_buffers");
console.log(extra.join(" "), "rss", rss(), r.rows[0]);
await db.close();
