module TopModule(input clk, input reset, input en, output reg [15:0] q);
  always @(posedge clk) begin
    if (reset)   q <= 16'hACE1;
    else if (en) q <= (q ^ (q[0] ? 16'hB400 : 16'h0000)) >> 1;
  end
endmodule
