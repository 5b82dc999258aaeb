# MC_X0_WRITE.S: minimal program exposing bug MC_X0_WRITE (docs/BUG_CATALOGUE.md): a load into x0 must leave x0 zero.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t0, 0x4000
  li t1, 0x1234
  sw t1, 0(t0)
  lw zero, 0(t0)
  mv a0, zero
  lui a7, 0           # li a7, 93 would read x0 and miss the end marker
  addi a7, a7, 93
  ecall
