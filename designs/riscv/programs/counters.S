# counters.S: mcycle/minstret and their high halves. minstret counts retired (non-trapping)
# instructions; a CSR read sees the count before the reading instruction; a write to
# minstret/minstreth sets the value seen by the next instruction (the writer is not counted).
# mcycle only has to move forward. Convention (docs/CORE_ADAPTER.md): ends with `ecall` while
# a7 == 93; a0 = 0 on pass, else the failing check (gp); unexpected trap: a0 = 1000 + mcause.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li gp, 1
  csrr t0, minstret
  csrr t1, minstret
  sub a0, t1, t0
  li t2, 1
  bne a0, t2, fail
  li gp, 2
  csrr t0, minstret
  nop
  nop
  nop
  csrr t1, minstret
  sub a0, t1, t0
  li t2, 4
  bne a0, t2, fail
  li gp, 3
  csrr t0, mcycle
  nop
  csrr t1, mcycle
  sub a0, t1, t0
  li t2, 2
  bltu a0, t2, fail
  li gp, 4
  li t2, 1000
  csrw minstret, t2
  csrr t0, minstret
  csrr t1, minstret
  bne t0, t2, fail
  addi t2, t2, 1
  bne t1, t2, fail
  li gp, 5
  li t3, 5
  csrw minstreth, t3
  li t4, -1
  csrw minstret, t4
  nop
  csrr t1, minstreth
  csrr t2, minstret
  li t0, 6
  bne t1, t0, fail
  li t0, 1
  bne t2, t0, fail
  li gp, 6
  csrw mcycle, zero
  csrw mcycleh, zero
  csrr t0, mcycle
  li t1, 100
  bgeu t0, t1, fail
  csrr t0, mcycleh
  bnez t0, fail
  li gp, 7
  csrw minstret, zero
  csrw minstreth, zero
  li t0, 10
loop7:
  addi t0, t0, -1
  bnez t0, loop7
  csrr a0, minstret
  li t1, 21
  bne a0, t1, fail
  li gp, 8
  csrr t0, minstret
  li t1, 6
  div t1, t1, t1
  mul t1, t1, t1
  lw t2, 0(zero)
  sw t2, 0x400(zero)
  csrr t3, minstret
  sub a0, t3, t0
  li t1, 6
  bne a0, t1, fail
  li gp, 9
  csrr t0, minstret
  j skip9
  nop
  nop
skip9:
  csrr t1, minstret
  sub a0, t1, t0
  li t2, 2
  bne a0, t2, fail

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
