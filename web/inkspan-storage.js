// Browser storage for Inkspan: IndexedDB, one record per document plus one for the corpus
// (schema and document order). Every save is one IndexedDB transaction, so a tab killed halfway
// leaves the previous version whole. One tab at a time writes (Web Locks); another tab on the same
// origin is told, stays read-only and waits in the lock's queue: when the writing tab closes or dies
// (the browser releases its lock) or hands the lock over, the waiting tab becomes the writer.
"use strict";
window.InkspanStorage = (function () {
  const DB_NAME = "inkspan", DB_VERSION = 1, LOCK_NAME = "inkspan-corpus-writer";
  let db = null;
  let writer = false;          // this tab holds the writer lock
  let releaseLock = null;      // resolves the lock request to hand the lock over
  const channel = "BroadcastChannel" in window ? new BroadcastChannel("inkspan") : null;
  const listeners = { status: () => {}, takeover: () => {}, writer: () => {} };

  function openDb() {
    return new Promise((resolve, reject) => {
      let req;
      try { req = indexedDB.open(DB_NAME, DB_VERSION); } catch (e) { reject(e); return; }
      req.onupgradeneeded = () => {
        const d = req.result;
        if (!d.objectStoreNames.contains("documents")) d.createObjectStore("documents");
        if (!d.objectStoreNames.contains("meta")) d.createObjectStore("meta");
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error("the database is blocked by another tab"));
    });
  }

  function readAll(d) {
    return new Promise((resolve, reject) => {
      const tx = d.transaction(["meta", "documents"], "readonly");
      const out = { meta: null, documents: new Map() };
      tx.objectStore("meta").get("corpus").onsuccess = (e) => { out.meta = e.target.result || null; };
      const cursorReq = tx.objectStore("documents").openCursor();
      cursorReq.onsuccess = (e) => {
        const c = e.target.result;
        if (c) { out.documents.set(c.key, c.value); c.continue(); }
      };
      tx.oncomplete = () => resolve(out);
      tx.onerror = () => reject(tx.error);
    });
  }

  // A document's record holds its JSON as UTF-8 bytes in parts of PART_BYTES: the first part in
  // the record under its id ({utf8, parts, saved}), the others under "<id>\u0000<k>". Each part is
  // put by the previous put's success callback, in the same transaction, so no single main-thread
  // task copies a whole 7 MB document. Records written before hold the JSON as a string ({json}).
  const PART_BYTES = 512 * 1024;
  const partKey = (id, k) => id + "\u0000" + k;
  const partsOf = (id) => IDBKeyRange.bound(id + "\u0000", id + "\u0001", false, true);  // ids have no controls

  function recordJson(documents, id) {
    const rec = documents.get(id);
    if (!rec) return null;
    if (typeof rec.json === "string") return rec.json;
    const decoder = new TextDecoder();
    let out = decoder.decode(rec.utf8, { stream: true });
    for (let k = 1; k < rec.parts; k++) out += decoder.decode(documents.get(partKey(id, k)), { stream: true });
    return out + decoder.decode();
  }

  // The stored corpus as one inkspan JSON string, or null on a first visit.
  function assemble(stored) {
    if (!stored.meta) return null;
    const docs = [];
    for (const id of stored.meta.order) {
      const json = recordJson(stored.documents, id);
      if (json !== null) docs.push(json);
    }
    return '{"format":"inkspan","version":2,"schema":' + stored.meta.schema + ',"documents":[' + docs.join(",") + "]}";
  }

  function acquireWriterLock() {
    if (!navigator.locks) { writer = true; return Promise.resolve(true); }
    return new Promise((resolve) => {
      navigator.locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => {
        if (!lock) { resolve(false); return undefined; }
        writer = true;
        resolve(true);
        return new Promise((release) => { releaseLock = release; });  // held until handed over
      });
    });
  }

  // Queues for the lock behind the tab that holds it; once granted, this tab writes and holds it
  // until it hands it over (or closes). No lock API: no waiting (such a browser has no second writer).
  function waitForWriterLock() {
    if (!navigator.locks) return;
    navigator.locks.request(LOCK_NAME, () => {
      writer = true;
      const held = new Promise((release) => { releaseLock = release; });
      listeners.writer();  // the app reads what the other tab stored and writes from now on
      return held;
    }).catch(() => {});
  }

  if (channel) {
    channel.onmessage = (e) => {
      if (e.data && e.data.type === "takeover-request" && writer) {
        listeners.takeover();  // the app flushes, then calls handOver()
      }
    };
  }

  return {
    // Opens the database and reads the stored corpus. Resolves to {json, writer, error}.
    async open() {
      try {
        db = await openDb();
        const stored = await readAll(db);
        const gotLock = await acquireWriterLock();
        if (!gotLock) waitForWriterLock();
        if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
        return { json: assemble(stored), writer: gotLock, error: null };
      } catch (e) {
        return { json: null, writer: false, error: String(e && e.message || e) };
      }
    },
    isWriter: () => writer,
    onStatus(fn) { listeners.status = fn; },
    onTakeoverRequest(fn) { listeners.takeover = fn; },
    // fn() runs when this read-only tab becomes the writer (the other tab closed, died or let go).
    onBecameWriter(fn) { listeners.writer = fn; },

    // Writes changed documents, removes deleted ones, and replaces the corpus record, atomically.
    // docs: [[id, UTF-8 bytes of the JSON (Uint8Array)], ...]; removed: [id, ...];
    // meta: {schema: json, order: [ids]}.
    save(docs, removed, meta) {
      if (!db) return Promise.reject(new Error("storage is not available"));
      if (!writer) return Promise.reject(new Error("Inkspan is open in another tab; this tab is read-only"));
      return new Promise((resolve, reject) => {
        let tx;
        try {
          tx = db.transaction(["meta", "documents"], "readwrite");
          const store = tx.objectStore("documents");
          const puts = [];  // [key, () => value], put one after another
          for (const [id, bytes] of docs) {
            store.delete(partsOf(id));  // the previous version's other parts
            const parts = Math.max(1, Math.ceil(bytes.length / PART_BYTES));
            const part = (k) => bytes.slice(k * PART_BYTES, (k + 1) * PART_BYTES);  // a copy of the range only
            puts.push([id, () => ({ utf8: part(0), parts: parts, saved: Date.now() })]);
            for (let k = 1; k < parts; k++) puts.push([partKey(id, k), () => part(k)]);
          }
          for (const id of removed) {
            store.delete(id);
            store.delete(partsOf(id));
          }
          tx.objectStore("meta").put(meta, "corpus");
          let next = 0;
          const putNext = () => {
            if (next >= puts.length) return;
            const [key, value] = puts[next++];
            store.put(value(), key).onsuccess = putNext;
          };
          putNext();
        } catch (e) { reject(e); return; }
        tx.oncomplete = () => {
          if (channel) channel.postMessage({ type: "saved" });
          resolve();
        };
        tx.onerror = () => reject(tx.error || new Error("the write failed"));
        tx.onabort = () => reject(tx.error || new Error("the write was aborted"));
      });
    },

    // Asks the tab that holds the corpus to let go; this tab already waits for the lock, so it
    // becomes the writer (onBecameWriter) once the other has written what it had and let go.
    takeOver() {
      if (!writer && channel) channel.postMessage({ type: "takeover-request" });
    },
    // Gives the writer lock away (after the final save has started: IndexedDB runs that write
    // before the next tab's read) and waits in the queue again, read-only.
    handOver() {
      writer = false;
      if (releaseLock) { releaseLock(); releaseLock = null; }
      waitForWriterLock();
    },
    async reload() {
      const stored = await readAll(db);
      return assemble(stored);
    },
    async estimate() {
      if (!navigator.storage || !navigator.storage.estimate) return null;
      try { return await navigator.storage.estimate(); } catch (e) { return null; }
    },
  };
})();
