# divpipe.S: the divider inside a pipeline: operands produced by the instruction just before
# (forwarded, and their producers retire during the divide), a negative dividend from a
# load, divides back to back, a quotient feeding a branch and a store, and a loop checking
# q*d + r == n for signed and unsigned divides against the multiplier.
# Convention (docs/CORE_ADAPTER.md): ends with `ecall` while a7 == 93; a0 = 0 on pass, else
# the number of the failing check (gp). An unexpected trap exits with a0 = 1000 + mcause.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li s0, 0x4000
  li gp, 1
  li t0, 7
  li t1, 100
  li t0, -100
  div t2, t0, t1
  li t3, -1
  bne t2, t3, fail
  li gp, 2
  li t1, 3
  li t0, 5
  li t1, -3
  rem t2, t0, t1
  li t3, 2
  bne t2, t3, fail
  li gp, 3
  li t1, 1
  li t1, 0
  div t2, t0, t1
  li t3, -1
  bne t2, t3, fail
  li t0, 77
  rem t2, t0, t1
  bne t2, t0, fail
  li gp, 4
  li t0, -1000
  sw t0, 0(s0)
  li t1, 10
  lw t0, 0(s0)
  div t2, t0, t1
  li t3, -100
  bne t2, t3, fail
  li gp, 5
  li t0, 1000
  li t1, 10
  div t2, t0, t1
  div t3, t2, t1
  div t4, t3, t1
  li t5, 1
  bne t4, t5, fail
  li gp, 6
  li t0, 81
  li t1, 9
  divu t2, t0, t1
  beq t2, t1, ok6
  j fail
ok6:
  remu t2, t0, t1
  sw t2, 4(s0)
  lw t3, 4(s0)
  bnez t3, fail
  li gp, 7
  li s1, 0x7654321
  li s2, 1
loop7:
  div t0, s1, s2
  rem t1, s1, s2
  mul t2, t0, s2
  add t2, t2, t1
  bne t2, s1, fail
  neg t3, s1
  div t0, t3, s2
  rem t1, t3, s2
  mul t2, t0, s2
  add t2, t2, t1
  bne t2, t3, fail
  divu t0, t3, s2
  remu t1, t3, s2
  mul t2, t0, s2
  add t2, t2, t1
  bne t2, t3, fail
  bgeu t1, s2, fail
  slli s2, s2, 1
  addi s2, s2, 1
  li t4, 0x1000000
  bltu s2, t4, loop7
  li gp, 8
  li t0, 0x80000000
  li t1, -1
  div t2, t0, t1
  bne t2, t0, fail
  rem t2, t0, t1
  bnez t2, fail
  li gp, 9
  li t0, 12
  li t1, 4
  div t2, t0, t1
  csrr t3, minstret
  div t2, t2, t1
  csrr t4, minstret
  sub t4, t4, t3
  li t5, 2
  bne t4, t5, fail

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
