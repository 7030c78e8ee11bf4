'use strict'
// dynalite on a loopback port, for the Java stand-in that spawns it (com.klinecast.standins.dynamodb.Dynalite).
// Usage: node server.js [--path DIR] [--port N]   (port 0, the default, takes a free one)
// Prints one line {"port": N} on stdout once listening. Exits when its stdin closes, so a parent that dies,
// even by SIGKILL, never leaves it running.
const dynalite = require('dynalite')

function option (name, fallback) {
  const at = process.argv.indexOf(name)
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback
}

const path = option('--path', undefined)
const port = Number(option('--port', '0'))
// Without these, a new table stays CREATING for 500 ms and the SDK's table waiter sleeps 20 s before asking again.
const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })

let stopping = false
function stop (code) {
  if (stopping) return
  stopping = true
  // Idle keep-alive connections of the SDK would hold close() open; LevelDB is closed by dynalite's close().
  setTimeout(() => process.exit(code), 5000).unref()
  server.close(() => process.exit(code))
  if (server.closeAllConnections) server.closeAllConnections()
}

// dynalite rethrows a request's 'error' event, so a client that dies mid-request (a killed Lambda, a reset socket)
// would take the whole server down. That request is over either way; DynamoDB shrugs it off, and so must this.
process.on('uncaughtException', (e) => {
  if (e && e.code === 'ECONNRESET') return
  process.stderr.write('dynalite: ' + (e && e.stack ? e.stack : e) + '\n')
  process.exit(1)
})

server.on('error', (e) => {
  process.stderr.write('dynalite: ' + e.message + '\n')
  process.exit(1)
})
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port, pid: process.pid }) + '\n')
})

process.stdin.on('end', () => stop(0))
process.stdin.on('error', () => stop(0))
process.stdin.resume()
process.on('SIGTERM', () => stop(0))
process.on('SIGINT', () => stop(0))
