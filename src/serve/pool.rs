//! A bounded pool of worker threads for the CPU-heavy work (checks,
//! reports, documents), so that the async runtime never blocks and a burst
//! of uploads waits in a short queue or is turned away, instead of piling up.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send>;

/// Why a job did not produce its value.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PoolError {
    #[error("系统繁忙，请稍后再试")]
    Busy,
    #[error("处理时发生内部错误")]
    Panicked,
}

pub struct WorkerPool {
    sender: Mutex<Option<SyncSender<Job>>>,
    workers: Mutex<Vec<std::thread::JoinHandle<()>>>,
}

impl WorkerPool {
    /// `workers` threads; at most `queue` jobs wait beyond those running.
    pub fn new(workers: usize, queue: usize) -> WorkerPool {
        let (tx, rx) = sync_channel::<Job>(queue);
        let rx = Arc::new(Mutex::new(rx));
        let handles = (0..workers.max(1))
            .map(|i| {
                let rx = Arc::clone(&rx);
                std::thread::Builder::new()
                    .name(format!("jicai-worker-{i}"))
                    .spawn(move || work(&rx))
                    .expect("cannot start a worker thread")
            })
            .collect();
        WorkerPool {
            sender: Mutex::new(Some(tx)),
            workers: Mutex::new(handles),
        }
    }

    /// Runs `f` on a worker and waits for it without blocking the runtime.
    /// Answers `Busy` at once when every worker is busy and the queue is full.
    pub async fn run<T, F>(&self, f: F) -> Result<T, PoolError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = tx.send(catch_unwind(AssertUnwindSafe(f)));
        });
        {
            let guard = self.sender.lock().map_err(|_| PoolError::Panicked)?;
            let sender = guard.as_ref().ok_or(PoolError::Busy)?;
            sender.try_send(job).map_err(|e| match e {
                TrySendError::Full(_) | TrySendError::Disconnected(_) => PoolError::Busy,
            })?;
        }
        match rx.await {
            Ok(Ok(value)) => Ok(value),
            _ => Err(PoolError::Panicked),
        }
    }

    /// Stops taking jobs and waits for the queued and running ones to finish.
    pub fn shutdown(&self) {
        if let Ok(mut s) = self.sender.lock() {
            s.take();
        }
        let handles = self
            .workers
            .lock()
            .map(|mut w| std::mem::take(&mut *w))
            .unwrap_or_default();
        for h in handles {
            let _ = h.join();
        }
    }
}

fn work(rx: &Mutex<Receiver<Job>>) {
    loop {
        // Hold the lock only while taking a job, not while running it.
        let job = match rx.lock() {
            Ok(r) => r.recv(),
            Err(_) => return,
        };
        match job {
            Ok(job) => job(),
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[tokio::test]
    async fn full_queue_answers_busy_and_running_jobs_finish() {
        let pool = Arc::new(WorkerPool::new(1, 1));
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        let release_rx = Arc::new(Mutex::new(release_rx));
        let done = Arc::new(AtomicUsize::new(0));
        let mut running = Vec::new();
        for _ in 0..2 {
            let (pool, rx, done) = (pool.clone(), release_rx.clone(), done.clone());
            running.push(tokio::spawn(async move {
                pool.run(move || {
                    rx.lock().unwrap().recv().unwrap();
                    done.fetch_add(1, Ordering::SeqCst);
                })
                .await
            }));
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // One running, one queued: the third is refused at once.
        assert_eq!(pool.run(|| ()).await, Err(PoolError::Busy));
        release_tx.send(()).unwrap();
        release_tx.send(()).unwrap();
        for r in running {
            assert_eq!(r.await.unwrap(), Ok(()));
        }
        assert_eq!(done.load(Ordering::SeqCst), 2);
        assert_eq!(pool.run(|| 7).await, Ok(7));
        pool.shutdown();
        assert_eq!(pool.run(|| 8).await, Err(PoolError::Busy));
    }

    #[tokio::test]
    async fn a_panicking_job_is_reported_and_the_worker_survives() {
        let pool = WorkerPool::new(1, 1);
        let r: Result<(), _> = pool.run(|| panic!("boom")).await;
        assert_eq!(r, Err(PoolError::Panicked));
        assert_eq!(pool.run(|| 1).await, Ok(1));
    }
}
