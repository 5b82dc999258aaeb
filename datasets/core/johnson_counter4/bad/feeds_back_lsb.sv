module TopModule(input clk, input reset, input en, output logic [3:0] q);
  // inverts the wrong end: the new bit 0 is taken from the old bit 0
  always @(posedge clk) begin
    if (reset)   q <= 4'b0000;
    else if (en) q <= {q[2:0], ~q[0]};
  end
endmodule
