//! A global allocator that counts what is requested and given back, so the benchmark can report
//! the bytes a decode allocates next to its time, and how much of the heap its result keeps.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

/// Counts allocations and bytes (a `realloc` counts as one allocation of its new size, since it
/// asks for that much memory) and forwards to the system allocator.
pub struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);
/// Bytes given back: a `dealloc`'s size, a `realloc`'s old size.
static FREED: AtomicU64 = AtomicU64::new(0);

// SAFETY: every method forwards to `System` with the same arguments; counting has no effect on
// the memory handed out.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        FREED.fetch_add(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size as u64, Ordering::Relaxed);
        FREED.fetch_add(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// What `f` asked of the heap (on a quiet process: the benchmark runs it alone).
pub struct Measured {
    /// Allocations, a `realloc` counted as one.
    pub count: u64,
    /// Bytes requested, a `realloc` counted at its new size.
    pub bytes: u64,
    /// Bytes still held when `f` returned: what its result keeps (for a decode, the heap that an
    /// encode of the value walks).
    pub kept: u64,
}

/// Runs `f` and counts its allocations.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Measured) {
    let load = || (ALLOCATIONS.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed), FREED.load(Ordering::Relaxed));
    let (count, bytes, freed) = load();
    let result = f();
    let (count_after, bytes_after, freed_after) = load();
    let measured = Measured {
        count: count_after - count,
        bytes: bytes_after - bytes,
        kept: (bytes_after - bytes).saturating_sub(freed_after - freed),
    };
    (result, measured)
}
